package org.negotiationledger.core.api;

/**
 * What a statement's position depends on, beyond its free-text conditions: a topic, another
 * record of the negotiation (a statement, meeting or exchange), or a record on a topic.
 *
 * @param kind     how it depends on it: if, only after, in return for
 * @param topicId  the topic it links to, if any
 * @param recordId the statement, meeting or exchange it links to, if any
 */
public record StatementLink(@Required LinkKind kind, String topicId, String recordId) {
}
