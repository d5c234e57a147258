package org.negotiationledger.api;

/**
 * The size of the reliability suite's runs: reduced by default (as in CI), full with
 * {@code -Dledger.reliability=full} (see docs/reliability.md).
 */
final class Reliability {

    private Reliability() {
    }

    static boolean full() {
        return "full".equals(System.getProperty("ledger.reliability"));
    }

    /** The reduced figure, or the full one. */
    static int scaled(int reduced, int full) {
        return full() ? full : reduced;
    }
}
