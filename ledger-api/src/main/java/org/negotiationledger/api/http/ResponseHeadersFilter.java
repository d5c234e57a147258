package org.negotiationledger.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Headers every answer carries, refusals included: a Content-Security-Policy that lets a page
 * load only what the ledger itself serves, and no Referer sent on from the ledger's pages. A request for the error page itself
 * finds nothing there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ResponseHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final ProblemResponses problems;

    ResponseHeadersFilter(ObjectMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getDispatcherType() == DispatcherType.REQUEST && "/error".equals(request.getRequestURI())) {
            // The error page is where failures are forwarded, not a resource of its own.
            problems.send(request, response, ProblemType.NOT_FOUND, "there is nothing at /error");
            return;
        }
        chain.doFilter(request, response);
    }
}
