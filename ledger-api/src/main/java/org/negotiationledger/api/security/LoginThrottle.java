package org.negotiationledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client. A client that fails {@code max} times within {@code window}
 * is turned away until the window it failed in has passed.
 */
final class LoginThrottle {

    private static final int MAX_CLIENTS = 100_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    void failed(String client) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_CLIENTS) {
            failures.values().removeIf(f -> !f.windowEnds().isAfter(now));
        }
        failures.compute(client, (key, known) -> known == null || !known.windowEnds().isAfter(now)
                ? new Failures(1, now.plus(window)) : new Failures(known.count() + 1, known.windowEnds()));
    }

    /** How long the client must still wait, or zero when it may try. */
    Duration wait(String client) {
        Failures known = failures.get(client);
        Instant now = clock.instant();
        if (known == null || known.count() < max || !known.windowEnds().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, known.windowEnds());
    }

    private record Failures(int count, Instant windowEnds) {
    }
}
