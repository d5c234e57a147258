package org.negotiationledger.core.api;

/** The metadata every event carries besides its content, under these keys. */
public final class EventMetadata {

    /** Who recorded the command that appended the event. */
    public static final String RECORDED_BY = "recordedBy";
    /** The request the command came with, shared by every event it appended. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * When the command that appended the event arrived: carried from the command to its events on
     * their way to the store, which keeps it as the event's timestamp and not in its metadata.
     */
    public static final String RECORDED_AT = "ledger.recordedAt";

    private EventMetadata() {
    }
}
