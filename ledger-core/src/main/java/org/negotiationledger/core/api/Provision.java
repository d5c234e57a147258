package org.negotiationledger.core.api;

/**
 * What an agreement provides on one of the negotiation's topics: its {@code text}, a
 * {@code category} in the analyst's words ("prisoner release", "humanitarian corridor"), and the
 * exchange it agrees, if it agrees one.
 */
public record Provision(@Required String topicId, String category, @Required String text, String exchangeId) {
}
