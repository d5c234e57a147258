package org.negotiationledger.api.commands;

/**
 * The answer to an accepted command.
 *
 * @param negotiationId the negotiation it changed
 * @param version       how many events the negotiation holds after the command
 * @param position      the global position of the negotiation's last event: a view that has
 *                      reached it shows the command's effect
 * @param appended      false when the command repeated one already recorded and changed nothing
 */
public record CommandOutcome(String negotiationId, long version, long position, boolean appended) {
}
