package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.problems.LogText;
import org.negotiationledger.api.problems.ProblemResponses;
import org.negotiationledger.api.problems.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP Basic over the configured users for API clients, and a sign-in form with a session for
 * the workbench in the browser ({@link BrowserSessions}). Readers may GET everything, recorders
 * may also POST commands and imports, admins may also replay views. Health, the problem pages and
 * the workbench's own files (which hold no data) are open; nothing else is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String REALM = "Negotiation Ledger";
    /** How long a checked password is remembered, so that it is not hashed again on every request. */
    private static final Duration REMEMBER_LOGIN = Duration.ofMinutes(10);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager ledgerUsers(LedgerSecurityProperties properties, PasswordEncoder encoder,
                                           @Value("${ledger.data-dir}") String dataDir) {
        return new InMemoryUserDetailsManager(LedgerUsers.load(properties, encoder, Path.of(dataDir)));
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.RECORDER.name())
                .role(Role.RECORDER.name()).implies(Role.READER.name())
                .build();
    }

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, InMemoryUserDetailsManager users, PasswordEncoder encoder,
                                       LedgerSecurityProperties properties, ObjectMapper json,
                                       MeterRegistry meters, Clock clock) throws Exception {
        DaoAuthenticationProvider slow = new DaoAuthenticationProvider(users);
        slow.setPasswordEncoder(encoder);
        ProviderManager authentication = new ProviderManager(
                new CachingAuthenticationProvider(slow, REMEMBER_LOGIN, clock));
        LoginThrottle throttle = new LoginThrottle(properties.failedLogins().max(),
                properties.failedLogins().window(), clock);
        ProblemResponses problems = new ProblemResponses(json);

        return http
                .csrf(csrf -> csrf.csrfTokenRepository(BrowserSessions.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserSessions::needsCsrfToken))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/problems/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", BrowserSessions.LOGIN_PAGE, "/login.html",
                                "/workbench/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/export", "/api/restore").hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/admin/projections/*/dead-letters")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.RECORDER.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.READER.name())
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(REALM)
                        .securityContextRepository(new RequestAttributeSecurityContextRepository())
                        .authenticationEntryPoint((request, response, failure) -> {
                            if (failure instanceof BadCredentialsException) {
                                failedLogin(request, attemptedUser(request), throttle, meters);
                            }
                            if (!BrowserSessions.isPageRequest(request)) {
                                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
                            }
                            problems.send(request, response, ProblemType.UNAUTHENTICATED, detail(failure));
                        }))
                .formLogin(form -> form.loginPage(BrowserSessions.LOGIN_PAGE)
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, failure) -> {
                            if (failure instanceof BadCredentialsException) {
                                failedLogin(request, request.getParameter("username"), throttle, meters);
                            }
                            response.sendRedirect(BrowserSessions.LOGIN_PAGE + "?error");
                        }))
                .logout(logout -> logout.logoutUrl(BrowserSessions.LOGOUT).logoutSuccessHandler((request, response, user) ->
                        response.sendRedirect(BrowserSessions.LOGIN_PAGE + "?signedOut")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    if (!(denied instanceof CsrfException)) {
                        problems.send(request, response, ProblemType.FORBIDDEN, "your role does not allow "
                                + request.getMethod() + " " + request.getRequestURI());
                    } else if (BrowserSessions.isSignIn(request)) {
                        response.sendRedirect(BrowserSessions.LOGIN_PAGE + "?stale");
                    } else {
                        problems.send(request, response, ProblemType.STALE_PAGE_TOKEN,
                                "this change came with the workbench's session but without its security token; "
                                        + "reload the page and try again");
                    }
                }))
                .addFilterBefore(new ThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new BrowserSessions.HandOutCsrfToken(), CsrfFilter.class)
                .addFilterAfter(new LogUserFilter(), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * A request the firewall refuses (an encoded slash, '//', ';', a control character, a header
     * that is not ASCII) gets a 400 problem, before any credentials are looked at.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return (request, response, rejected) -> problems.send(request, response, ProblemType.REJECTED_REQUEST,
                ProblemType.REJECTED_REQUEST_DETAIL);
    }

    private static void failedLogin(HttpServletRequest request, String user, LoginThrottle throttle,
                                    MeterRegistry meters) {
        throttle.failed(request.getRemoteAddr());
        Counter.builder("ledger.logins.failed").description("Logins refused for a wrong user name or password")
                .register(meters).increment();
        log.warn("Failed login as '{}' from {}", LogText.safe(user == null ? "?" : user), request.getRemoteAddr());
    }

    private static String detail(AuthenticationException failure) {
        return failure instanceof BadCredentialsException
                ? "the user name or password is wrong"
                : "this needs credentials: HTTP Basic with a ledger user";
    }

    /** The user name a request tried to log in as, for the log; never the password. */
    private static String attemptedUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length()).strip()),
                    StandardCharsets.UTF_8);
            return decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : "?";
        } catch (RuntimeException unreadable) {
            return "?";
        }
    }

    /** Turns away a client that failed to log in too often, before its credentials are even checked. */
    private static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final ProblemResponses problems;

        ThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
            this.throttle = throttle;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Duration wait = throttle.wait(request.getRemoteAddr());
            boolean signIn = BrowserSessions.isSignIn(request);
            if (wait.isZero() || (request.getHeader(HttpHeaders.AUTHORIZATION) == null && !signIn)) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            if (signIn) {
                response.sendRedirect(BrowserSessions.LOGIN_PAGE + "?wait=" + seconds);
                return;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.send(request, response, ProblemType.TOO_MANY_FAILED_LOGINS, "too many failed logins from "
                    + request.getRemoteAddr() + "; try again in " + seconds + " s");
        }
    }
}
