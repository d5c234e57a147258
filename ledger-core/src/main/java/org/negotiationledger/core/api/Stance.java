package org.negotiationledger.core.api;

/**
 * How far a party is for the subject of a topic. The score orders stances on one scale,
 * so that charts can show positions converging or drifting apart.
 */
public enum Stance {
    SUPPORTS(2),
    PROPOSES(2),
    DEMANDS(2),
    /** Supports, but only on conditions the statement names. */
    CONDITIONAL(1),
    UNDECIDED(0),
    OPPOSES(-1),
    REJECTS(-2);

    private final int score;

    Stance(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }
}
