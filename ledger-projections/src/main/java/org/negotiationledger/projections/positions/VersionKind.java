package org.negotiationledger.projections.positions;

/** How a version of a statement came about. */
public enum VersionKind {
    /** The statement as first recorded. */
    RECORDED,
    /** The statement after a correction; the version before it is kept, superseded. */
    CORRECTED,
    /** The statement withdrawn: it no longer counts for the party's position from then on. */
    RETRACTED,
    /**
     * Only in a cell of the matrix: the deciding statement's proposal lapsed (its validUntil lies
     * before the day asked about). The statement stays; it is shown as what it has become.
     */
    LAPSED
}
