package org.negotiationledger.api.views;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Gives an answer pinned to a past {@code knownAt} a strong ETag made from its body, and answers
 * a conditional GET that names it 304 without the body. Only requests that name a
 * {@code knownAt} are held in memory for it; an answer that {@link ViewAnswers} gave an ETag of
 * its own keeps that one.
 */
class PinnedAnswers extends ShallowEtagHeaderFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("knownAt") == null
                || !request.getRequestURI().startsWith("/api/");
    }
}
