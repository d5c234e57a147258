package org.negotiationledger.core.api;

/** The metadata every event carries besides its content, under these keys. */
public final class EventMetadata {

    /** Who recorded the command that appended the event. */
    public static final String RECORDED_BY = "recordedBy";
    /** The request the command came with, shared by every event it appended. */
    public static final String CORRELATION_ID = "correlationId";

    private EventMetadata() {
    }
}
