package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.http.ForwardsTheRequest;
import org.negotiationledger.api.problems.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Each view that has CSV at a path of its own, {@code …/positions.csv}: the same answer as
 * {@code …/positions?format=csv}, as an operation of its own in the API description, so that a
 * generated client has a method that hands the CSV over instead of reading it as the JSON model.
 */
@RestController
class CsvDownloads {

    static final String SUFFIX = ".csv";

    @GetMapping({"/api/negotiations/{negotiationId}/positions.csv",
            "/api/negotiations/{negotiationId}/positions/dyads.csv",
            "/api/negotiations/{negotiationId}/positions/{partyId}/{topicId}/history.csv",
            "/api/negotiations/{negotiationId}/changes.csv",
            "/api/negotiations/{negotiationId}/linkage.csv",
            "/api/negotiations/{negotiationId}/packages.csv",
            "/api/negotiations/{negotiationId}/outcomes.csv",
            "/api/negotiations/{negotiationId}/meetings.csv",
            "/api/negotiations/{negotiationId}/exchanges.csv",
            "/api/negotiations/{negotiationId}/agreements.csv",
            "/api/negotiations/{negotiationId}/bodies.csv",
            "/api/negotiations/{negotiationId}/accounts.csv",
            "/api/negotiations/{negotiationId}/audit.csv",
            "/api/audit.csv"})
    @ForwardsTheRequest
    @Hidden
    void csv(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getParameter("format") != null) {
            throw ProblemException.invalidParameter("format", "a path ending in .csv answers CSV; leave format out");
        }
        String view = request.getRequestURI().substring(request.getContextPath().length(),
                request.getRequestURI().length() - SUFFIX.length());
        String query = request.getQueryString();
        request.getRequestDispatcher(view + "?" + (query == null ? "" : query + "&") + "format=csv")
                .forward(request, response);
    }
}
