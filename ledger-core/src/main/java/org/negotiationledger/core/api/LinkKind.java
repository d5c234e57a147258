package org.negotiationledger.core.api;

/** How a statement's position depends on what it links to. */
public enum LinkKind {
    /** The position holds if the linked topic is settled or the linked record comes about ("if"). */
    IF,
    /** The position takes effect only after the linked topic or record ("only after"). */
    ONLY_AFTER,
    /** The position is offered in return for the linked topic or record ("in return for"). */
    IN_RETURN_FOR
}
