package org.negotiationledger.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.problems.ProblemResponses;
import org.negotiationledger.api.problems.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses a {@code format} that names no form the ledger answers in, naming those it does. The web
 * framework reads the parameter before any handler, and would refuse it without a word: not even a
 * problem can be written in a format it does not know.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class FormatParameterFilter extends OncePerRequestFilter {

    private static final Set<String> FORMATS = Set.of("csv", "json");

    private final ProblemResponses problems;

    FormatParameterFilter(ObjectMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String format = request.getParameter(KnownParameters.FORMAT);
        if (format != null && !FORMATS.contains(format)) {
            problems.send(request, response, ProblemType.INVALID_PARAMETER, "format must be csv or json, not '"
                    + format + "'");
            return;
        }
        chain.doFilter(request, response);
    }
}
