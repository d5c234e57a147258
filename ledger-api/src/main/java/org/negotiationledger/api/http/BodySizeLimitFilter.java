package org.negotiationledger.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.problems.BodyTooLargeException;
import org.negotiationledger.api.problems.Limits;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses command bodies over {@link Limits#BODY_BYTES}, whether they announce their length or
 * arrive in chunks, and bodies that are not well-formed UTF-8: reading past the limit or a
 * malformed byte fails, and the failure becomes a 413 or 400 problem.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final long LIMIT = Limits.BODY_BYTES;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // An import streams a file of any size, and limits each line instead; a restore takes a whole ledger;
        // a file of event data may be compressed, and its form has a limit of its own (spring.servlet.multipart).
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/") || uri.equals("/api/import") || uri.equals("/api/restore")
                || uri.endsWith("/event-data");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (getContentLengthLong() > LIMIT) {
                throw new BodyTooLargeException();
            }
            return new LimitedStream(super.getInputStream());
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Utf8Check utf8 = new Utf8Check();
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                utf8.check(b);
            } else {
                utf8.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                utf8.check(buffer, offset, n);
            } else if (n < 0) {
                utf8.end();
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > LIMIT) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
