package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.http.LogText;
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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP Basic over the configured users. Readers may GET everything, recorders may also POST
 * commands and imports, admins may also replay views. Health is open; nothing else is.
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
                                       MeterRegistry meters) throws Exception {
        DaoAuthenticationProvider slow = new DaoAuthenticationProvider(users);
        slow.setPasswordEncoder(encoder);
        ProviderManager authentication = new ProviderManager(
                new CachingAuthenticationProvider(slow, REMEMBER_LOGIN, Clock.systemUTC()));
        LoginThrottle throttle = new LoginThrottle(properties.failedLogins().max(),
                properties.failedLogins().window(), Clock.systemUTC());
        ProblemResponses problems = new ProblemResponses(json);

        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/problems/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/export", "/api/restore").hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/admin/projections/*/dead-letters")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.RECORDER.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.READER.name())
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, failure) -> {
                    if (failure instanceof BadCredentialsException) {
                        throttle.failed(request.getRemoteAddr());
                        meters.counter("ledger.logins.failed").increment();
                        log.warn("Failed login as '{}' from {}", LogText.safe(attemptedUser(request)),
                                request.getRemoteAddr());
                    }
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
                    problems.send(request, response, ProblemType.UNAUTHENTICATED, detail(failure));
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        problems.send(request, response, ProblemType.FORBIDDEN, "your role does not allow "
                                + request.getMethod() + " " + request.getRequestURI())))
                .addFilterBefore(new ThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
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
            if (wait.isZero() || request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.send(request, response, ProblemType.TOO_MANY_FAILED_LOGINS, "too many failed logins from "
                    + request.getRemoteAddr() + "; try again in " + seconds + " s");
        }
    }
}
