package org.negotiationledger.core.api;

/** Whether the parties came to an agreement on the topics, or said they did not. */
public enum OutcomeKind {
    AGREED,
    NOT_AGREED
}
