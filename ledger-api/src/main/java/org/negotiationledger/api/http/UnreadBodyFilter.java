package org.negotiationledger.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads and drops what is left of a request's body once it has been answered, up to
 * {@link #MAX_DROPPED} bytes. A client still sending a body the ledger refused before reading it
 * whole (too large, unauthenticated, malformed) then gets its answer; a server that closes the
 * connection on unread bytes resets it, and the client loses the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadBodyFilter extends OncePerRequestFilter {

    /** Beyond this, the connection is closed rather than read on: 2 MiB, as Tomcat swallows. */
    static final long MAX_DROPPED = 2 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted()) {
                dropTheRest(request);
            }
        }
    }

    private static void dropTheRest(HttpServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long dropped = 0;
            while (!in.isFinished() && dropped <= MAX_DROPPED) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IllegalStateException | IOException e) {
            // the body was read as text, or the client is gone: nothing to drop
        }
    }
}
