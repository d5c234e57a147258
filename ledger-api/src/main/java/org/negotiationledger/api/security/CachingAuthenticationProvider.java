package org.negotiationledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a password with the slow hash once, then remembers the success for a while under a fast
 * hash of user and password, so that HTTP Basic on every request costs microseconds, not the
 * tens of milliseconds of bcrypt. A wrong password is never remembered: it always takes the slow way.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider slow;
    private final Duration remember;
    private final Clock clock;
    private final Map<String, Remembered> successes = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider slow, Duration remember, Clock clock) {
        this.slow = slow;
        this.remember = remember;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String key = key(attempt.getName(), String.valueOf(attempt.getCredentials()));
        Instant now = clock.instant();
        Remembered known = successes.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.authentication();
        }
        Authentication verified = slow.authenticate(attempt);
        if (successes.size() >= MAX_ENTRIES) {
            successes.clear();
        }
        Authentication kept = UsernamePasswordAuthenticationToken.authenticated(verified.getPrincipal(), null,
                verified.getAuthorities());
        successes.put(key, new Remembered(kept, now.plus(remember)));
        return kept;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return slow.supports(authentication);
    }

    private static String key(String user, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(user.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Remembered(Authentication authentication, Instant until) {
    }
}
