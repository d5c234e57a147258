package org.negotiationledger.core.api;

/** What kind of body a negotiation set up. */
public enum BodyKind {
    /** Experts of the parties working on a topic between rounds. */
    WORKING_GROUP,
    /** Observers who watch whether what was agreed is kept (a ceasefire, an exchange). */
    MONITORING_MISSION,
    /** The parties' representatives who carry an agreement out. */
    IMPLEMENTATION_COMMITTEE,
    /** A joint body that investigates or settles (claims, missing persons, borders). */
    COMMISSION,
    /** States or organisations that accompany the talks. */
    CONTACT_GROUP,
    OTHER
}
