package org.negotiationledger.api.importing;

/**
 * The last line of an import's answer.
 *
 * @param lines     the lines read (blank lines are not counted)
 * @param stoppedAt the line the import stopped at (with onError=stop), or null when it read all
 */
public record ImportSummary(long lines, long accepted, long repeated, long refused, Long stoppedAt) {

    /** Wrapped so that a reader of the stream tells the summary from a line's result. */
    public record Line(ImportSummary summary) {
    }
}
