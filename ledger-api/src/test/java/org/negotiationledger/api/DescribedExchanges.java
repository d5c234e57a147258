package org.negotiationledger.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every exchange a test has with a ledger over {@link LedgerNode}, checked against the OpenAPI
 * description that ledger serves, as a validating proxy in front of it would. A request the
 * description allows must get an answer it describes (status, media type, body, headers); a
 * request it refuses on purpose (a test of bad input) must still get a described answer. Only
 * what the description does not cover is left alone: the actuator, the description itself, the
 * problem pages, and paths or methods it does not have (their answers are the framework's 404
 * and 405 problems, which {@code ProblemsTest} checks).
 */
final class DescribedExchanges {

    /** The validator of each description text: every node of a run serves the same one. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Set<String> UNDESCRIBED_PREFIXES = Set.of("/actuator", "/v3/api-docs", "/swagger-ui",
            "/problems/");
    /** What a request may break on purpose without the answer going unchecked. */
    private static final Set<String> NOT_AN_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private final Supplier<String> description;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private OpenApiInteractionValidator validator;
    private boolean fetched;

    /**
     * @param description fetches the description text from the ledger when first needed; null
     *                    when the test's credentials may not read it (then nothing is checked)
     */
    DescribedExchanges(Supplier<String> description) {
        this.description = description;
    }

    /** Checks one exchange; {@code body} is null when the request's body was not text the test kept. */
    void check(String method, URI uri, Map<String, List<String>> requestHeaders, String body,
               LedgerNode.Response response) {
        String path = uri.getRawPath();
        if (UNDESCRIBED_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        requestHeaders.forEach(request::withHeader);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
            }
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status()).withBody(response.body());
        response.headers().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        OpenApiInteractionValidator validator = validator();
        if (validator == null) {
            return;
        }
        ValidationReport asked = validator.validateRequest(request.build());
        if (asked.getMessages().stream().anyMatch(message -> NOT_AN_OPERATION.contains(message.getKey()))) {
            return;
        }
        ValidationReport report = asked.hasErrors() || body == null
                ? validator.validateResponse(path, Request.Method.valueOf(method), answer.build())
                : validator.validate(request.build(), answer.build());
        report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> violations.add(method + " " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " -> " + response.status()
                        + ": " + message.getKey() + ": " + message.getMessage()));
    }

    /** What the exchanges so far broke; empty when the description told the truth. */
    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** The validator of the ledger's description, or null when the test's credentials may not read it. */
    private synchronized OpenApiInteractionValidator validator() {
        if (!fetched) {
            String text = description.get();
            validator = text == null ? null : VALIDATORS.computeIfAbsent(text,
                    spec -> OpenApiInteractionValidator.createForInlineApiSpecification(spec).build());
            fetched = true;
        }
        return validator;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
