package org.negotiationledger.api.problems;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * The page each problem type URI resolves to: what the problem means and what to do, for the
 * person who follows the {@code type} of an answer. A page for people, not part of the API.
 */
@Hidden
@RestController
class ProblemPages {

    private final Properties explanations = new Properties();

    ProblemPages() {
        try (InputStream in = new ClassPathResource("problems/explanations.properties").getInputStream()) {
            explanations.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("problems/explanations.properties is missing from the application", e);
        }
    }

    @GetMapping(value = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String slug) {
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the ledger has no problem type '"
                        + slug + "'"));
        String title = HtmlUtils.htmlEscape(type.title());
        String explanation = HtmlUtils.htmlEscape(explanations.getProperty(slug, type.title()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1><p>HTTP status %d · type <code>%s</code></p><p>%s</p>
                <p><a href="/v3/api-docs">The API description</a></p></body></html>
                """.formatted(title, title, type.status().value(), type.type(), explanation));
    }
}
