package org.negotiationledger.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.ProblemResponses;
import org.negotiationledger.core.api.Values;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses a query parameter that holds what no text of the ledger may hold (a control character,
 * a lone surrogate), before it is read as "nothing" (Spring trims a NUL away) or reaches a query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class QueryTextFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    QueryTextFilter(ObjectMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String problem = Values.textProblem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem != null ? problem : Values.textProblem(value);
            }
            if (problem != null) {
                problems.send(request, response, ProblemType.REJECTED_REQUEST,
                        "a query parameter " + problem + "; " + ProblemType.REJECTED_REQUEST_DETAIL);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
