package org.negotiationledger.api.http;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.negotiationledger.api.problems.ProblemType;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The web server reads requests strictly and answers what it refuses as a problem.
 *
 * <p>Jetty's own reading, in its compliance mode that allows no violation of RFC 7230, already
 * refuses {@code Content-Length} beside {@code Transfer-Encoding}, two {@code Content-Length}s and
 * header lines folded onto the next line; this class says so in the user's words. What it accepts,
 * a request line or header line ended by a bare LF instead of CR LF, this class refuses too:
 * two parsers that disagree on where a request ends are how requests are smuggled past a proxy.
 * Whatever the server refuses before the ledger sees it (these, an oversized header, a malformed
 * request line) is answered as a problem, under the same security headers as every other answer,
 * instead of the server's own page.
 */
@Component
public class StrictHttpServer implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    HttpConfiguration configuration = serverConnector
                            .getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
                    configuration.setHttpCompliance(HttpCompliance.RFC7230);
                    // Redirects name the whole address, as they did under Tomcat.
                    configuration.setRelativeRedirectAllowed(false);
                    serverConnector.setConnectionFactories(List.of(new CrLfConnectionFactory(configuration)));
                }
            }
        });
    }

    /** Makes connections whose parser refuses bare LF line ends in a request's head. */
    static class CrLfConnectionFactory extends HttpConnectionFactory {

        CrLfConnectionFactory(HttpConfiguration configuration) {
            super(configuration);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
                @Override
                protected HttpParser newHttpParser(HttpCompliance compliance) {
                    HttpParser standard = super.newHttpParser(compliance);
                    return new CrLfParser((HttpParser.RequestHandler) standard.getHandler(),
                            getHttpConfiguration(), compliance);
                }
            };
            connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
            connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
            return configure(connection, connector, endPoint);
        }
    }

    /**
     * Jetty's parser, checking first that every line of the request's head (its request line and
     * header fields, up to the empty line) ends in CR LF. The body is not looked at.
     */
    static class CrLfParser extends HttpParser {

        private final HttpCompliance compliance;
        private LineEnds consumed = new LineEnds();

        CrLfParser(RequestHandler handler, HttpConfiguration configuration, HttpCompliance compliance) {
            super(handler, configuration.getRequestHeaderSize(), compliance);
            this.compliance = compliance;
            setHeaderCacheSize(configuration.getHeaderCacheSize());
            setHeaderCacheCaseSensitive(configuration.isHeaderCacheCaseSensitive());
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (inHeaderState() && !consumed.copy().acceptsHeadOf(buffer, buffer.position())) {
                if (isState(State.START)) {
                    getHandler().messageBegin();
                }
                BufferUtil.clear(buffer);
                badMessage(new Refusal("every line of a request's head must end in CR LF, not in LF alone"));
                return false;
            }
            int before = buffer.position();
            boolean handled = super.parseNext(buffer);
            if (inHeaderState()) {
                consumed.acceptsHeadOf(buffer.duplicate().limit(buffer.position()), before);
            }
            return handled;
        }

        @Override
        protected void checkViolation(HttpCompliance.Violation violation) {
            if (violation.isAllowedBy(compliance)) {
                super.checkViolation(violation);
            } else if (violation == HttpCompliance.Violation.TRANSFER_ENCODING_WITH_CONTENT_LENGTH) {
                throw new Refusal("a request may not carry both Content-Length and Transfer-Encoding");
            } else if (violation == HttpCompliance.Violation.MULTILINE_FIELD_VALUE) {
                throw new Refusal("a header may not be folded onto the next line");
            } else if (violation == HttpCompliance.Violation.MULTIPLE_CONTENT_LENGTHS) {
                throw new Refusal("a request may carry only one Content-Length");
            } else {
                super.checkViolation(violation);
            }
        }

        @Override
        public void reset() {
            super.reset();
            consumed = new LineEnds();
        }
    }

    /** A refusal whose reason is in the user's words, and so may be the problem's detail. */
    static final class Refusal extends BadMessageException {
        Refusal(String reason) {
            super(400, reason);
        }
    }

    /** Follows the line ends of a request's head, byte by byte, across the reads it comes in. */
    static final class LineEnds {
        private static final byte CR = '\r';
        private static final byte LF = '\n';

        private int previous = -1;
        private boolean started;
        private boolean lineEmpty = true;
        private boolean ended;

        LineEnds copy() {
            LineEnds copy = new LineEnds();
            copy.previous = previous;
            copy.started = started;
            copy.lineEmpty = lineEmpty;
            copy.ended = ended;
            return copy;
        }

        /** Reads from {@code from} to the buffer's limit or the head's end; false at a bare LF. */
        boolean acceptsHeadOf(ByteBuffer buffer, int from) {
            for (int i = from; i < buffer.limit() && !ended; i++) {
                byte b = buffer.get(i);
                if (b == LF) {
                    if (previous != CR) {
                        return false;
                    }
                    ended = started && lineEmpty;
                    lineEmpty = true;
                } else if (b != CR) {
                    started = true;
                    lineEmpty = false;
                }
                previous = b;
            }
            return true;
        }
    }

    /** Answers the server's own refusals (before any servlet runs) as problems. */
    static class ProblemErrorHandler extends ErrorHandler {

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            HttpStatus known = HttpStatus.resolve(code);
            String title = known == null ? "The request was refused" : known.getReasonPhrase();
            String body = "{\"type\":\"" + (code >= 500 ? ProblemType.INTERNAL_ERROR.type()
                    : ProblemType.REJECTED_REQUEST.type())
                    + "\",\"title\":\"" + title + "\",\"status\":" + code + ",\"detail\":\""
                    + detail(code, title, cause) + "\"}";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getHeaders().put("Content-Security-Policy", ResponseHeadersFilter.CONTENT_SECURITY_POLICY);
            response.getHeaders().put("Referrer-Policy", "no-referrer");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }

        private static String detail(int code, String title, Throwable cause) {
            if (cause instanceof Refusal refusal) {
                return refusal.getReason();
            }
            return code == 400 ? ProblemType.REJECTED_REQUEST_DETAIL : title;
        }
    }
}
