package org.negotiationledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The workbench's sign-in next to HTTP Basic. A browser signs in with the form at {@code /login}
 * and is then known by its session cookie; an API client sends its credentials with every
 * request and gets no session. Requests that a session authenticates change nothing without the
 * CSRF token, which the page reads from the {@value #CSRF_COOKIE} cookie and sends back in the
 * {@value #CSRF_HEADER} header (or the {@code _csrf} field of a form).
 */
final class BrowserSessions {

    static final String LOGIN_PAGE = "/login";
    static final String LOGOUT = "/logout";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** Sent by the page's own requests: their refusals carry no Basic challenge, which would open the browser's dialog. */
    static final String PAGE_REQUEST_HEADER = "X-Requested-With";
    /** The pages that hand out the CSRF token: the workbench and its sign-in form. */
    private static final Set<String> PAGES = Set.of("/", "/index.html", LOGIN_PAGE);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserSessions() {
    }

    static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
        return tokens;
    }

    /**
     * Which requests must carry the CSRF token: a change sent by a browser, that is, the sign-in
     * form's post and any change on a session. A request with an {@code Authorization} header is an
     * API client's (a page cannot set that header on another site's behalf), and a request with
     * neither a session nor credentials is refused as unauthenticated, as before there were sessions.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (isSignIn(request)) {
            return true;
        }
        return request.getRequestedSessionId() != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    static boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN_PAGE.equals(request.getServletPath());
    }

    static boolean isPageRequest(HttpServletRequest request) {
        return request.getHeader(PAGE_REQUEST_HEADER) != null;
    }

    /**
     * Makes sure the pages leave a CSRF token in their cookie (Spring Security only makes one when
     * something asks for it), so that the page's script can send it back with its first change.
     */
    static final class HandOutCsrfToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                    && "GET".equals(request.getMethod()) && PAGES.contains(request.getServletPath())) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
