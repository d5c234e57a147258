package org.negotiationledger.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description documents every endpoint of the ledger, each with examples. */
class OpenApiTest {

    private static final Path KEPT = Path.of("..", "docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LedgerNode node;
    private static JsonNode description;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_openapi_it"));
        LedgerNode.Response response = node.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        description = response.json();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyEndpointIsDescribed() {
        Set<String> endpoints = new TreeSet<>();
        ApplicationContext context = node.context();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((RequestMappingInfo info, HandlerMethod method) -> {
                    for (String path : info.getPatternValues()) {
                        if (path.startsWith("/api/")) {
                            info.getMethodsCondition().getMethods()
                                    .forEach(verb -> endpoints.add(verb.name().toLowerCase() + " " + path));
                        }
                    }
                });
        Set<String> described = new TreeSet<>();
        description.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> described.add(verb + " " + path.getKey())));

        assertThat(endpoints).hasSize(76);
        assertThat(described).isEqualTo(endpoints);
    }

    /**
     * docs/openapi.json, from which ledger-client is generated and which users read without a
     * running ledger, is the description the ledger serves (but for its server's address).
     * {@code LEDGER_WRITE_OPENAPI=true ./mvnw -pl ledger-api test -Dtest=OpenApiTest} writes it anew.
     */
    @Test
    void theDescriptionInTheRepositoryIsTheServedOne() throws IOException {
        ObjectNode served = description.deepCopy();
        served.set("servers", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("url", "http://localhost:8080").put("description", "the ledger on its default port")));
        if ("true".equals(System.getenv("LEDGER_WRITE_OPENAPI"))) {
            Files.writeString(KEPT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(JSON.readTree(KEPT.toFile()))
                .as("docs/openapi.json differs from the served description; write it anew with "
                        + "LEDGER_WRITE_OPENAPI=true ./mvnw -pl ledger-api test -Dtest=OpenApiTest")
                .isEqualTo(served);
    }

    /** Readers may read the description: it names no class, exception, package, table or SQL of the ledger. */
    @Test
    void theDescriptionAReaderGetsNamesNothingInternal() {
        String text = node.as(LedgerNode.READER).get("/v3/api-docs").body();
        assertThat(text).doesNotContain("org.negotiationledger", "java.", "Exception", "SELECT ", "INSERT INTO",
                "domainevententry", "character varying");
    }

    @Test
    void everyOperationHasASummaryAndExamples() {
        List<String> missing = new ArrayList<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String name = entry.getKey() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (!operation.hasNonNull("summary")) {
                missing.add(name + ": summary");
            }
            // A form of files has no example to show: its parts are described instead.
            if (operation.has("requestBody") && !operation.at("/requestBody/content/application~1json").has("example")
                    && !operation.at("/requestBody/content/application~1x-ndjson").has("example")
                    && !operation.at("/requestBody/content/multipart~1form-data/schema").has("description")) {
                missing.add(name + ": request example");
            }
            boolean answered = false;
            for (String status : List.of("200", "201", "202")) {
                JsonNode content = operation.at("/responses/" + status + "/content");
                answered |= content.at("/application~1json").has("example")
                        || content.at("/application~1x-ndjson").has("example")
                        || content.at("/text~1csv").has("example");
            }
            if (!answered) {
                missing.add(name + ": response example");
            }
            if (!operation.at("/responses/401/content/application~1problem+json").has("example")) {
                missing.add(name + ": problem example for 401");
            }
            // Only a request that names something (a negotiation, a view) can find nothing there.
            boolean names = path.getKey().contains("{") || operation.path("parameters").findValuesAsText("name")
                    .contains("negotiationId");
            if (names != operation.at("/responses/404/content/application~1problem+json").has("example")) {
                missing.add(name + (names ? ": problem example for 404" : ": 404 where nothing is named"));
            }
        }));

        assertThat(missing).isEmpty();
    }

    @Test
    void eachCommandIsDescribedFromTheRouteTableWithItsBodyAndPathVariables() {
        JsonNode statement = description.at("/paths/~1api~1negotiations~1{negotiationId}~1statements/post");
        assertThat(statement.get("operationId").asText()).isEqualTo("recordStatement");
        assertThat(statement.get("parameters")).filteredOn(p -> p.get("in").asText().equals("path"))
                .extracting(p -> p.get("name").asText()).containsExactly("negotiationId");
        String body = statement.at("/requestBody/content/application~1json/schema/$ref").asText();
        JsonNode schema = description.at("/components/schemas/" + body.substring(body.lastIndexOf('/') + 1));
        assertThat(schema.at("/properties/summary/maxLength").asInt()).isEqualTo(20_000);
        assertThat(schema.get("required")).extracting(JsonNode::asText).contains("id", "partyId", "summary");
        assertThat(description.at("/paths/~1api~1negotiations~1{negotiationId}~1statements~1{statementId}"
                + "~1corrections/post/parameters")).filteredOn(p -> p.get("in").asText().equals("path")).hasSize(2);
    }

    @Test
    void everyExampleFitsItsOwnSchema() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(description.toString()).build();
        List<String> wrong = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String concretePath = path.getKey().replaceAll("\\{[^}]+}", "ex-1");
            Request.Method method = Request.Method.valueOf(entry.getKey().toUpperCase());
            JsonNode operation = entry.getValue();
            String name = entry.getKey() + " " + path.getKey();
            JsonNode requestExample = operation.at("/requestBody/content/application~1json/example");
            if (!requestExample.isMissingNode()) {
                checked.add(name + " request");
                validator.validateRequest(new SimpleRequest.Builder(method, concretePath)
                                .withContentType("application/json").withBody(requestExample.toString())
                                .withAuthorization("Basic cm9vdDpyb290LXBhc3N3b3Jk").build())
                        .getMessages().forEach(message -> wrong.add(name + " request: " + message.getMessage()));
            }
            operation.get("responses").properties().forEach(response -> response.getValue().path("content")
                    .properties().forEach(media -> {
                        JsonNode example = media.getValue().get("example");
                        if (example != null && media.getKey().contains("json") && !media.getKey().contains("ndjson")) {
                            checked.add(name + " " + response.getKey());
                            validator.validateResponse(concretePath, method, SimpleResponse.Builder
                                            .status(Integer.parseInt(response.getKey()))
                                            .withContentType(media.getKey()).withBody(example.toString()).build())
                                    .getMessages().forEach(message -> wrong.add(name + " " + response.getKey()
                                            + ": " + message.getMessage()));
                        }
                    }));
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode example = parameter.get("example");
                String type = parameter.at("/schema/type").asText();
                boolean fits = switch (type) {
                    case "integer" -> example != null && example.isIntegralNumber();
                    case "boolean" -> example != null && example.isBoolean();
                    case "array" -> example != null && example.isArray() && !example.isEmpty()
                            && example.get(0).isTextual();
                    default -> example != null && example.isTextual();
                };
                if (example != null && !fits) {
                    wrong.add(name + " parameter " + parameter.get("name").asText() + ": example " + example
                            + " is no " + type);
                }
            }
        }));

        assertThat(checked).hasSizeGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    @Test
    void requestBodiesAreAsStrictAsTheLedger() {
        JsonNode statement = description.at("/components/schemas/RecordStatementRequest");
        assertThat(statement.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(statement.at("/properties/partyId/pattern").asText()).startsWith("^").endsWith("$");
        assertThat(statement.at("/properties/summary/minLength").asInt()).isEqualTo(1);
        JsonNode audit = description.at("/paths/~1api~1audit/get");
        assertThat(audit.get("parameters")).filteredOn(p -> p.get("name").asText().equals("limit"))
                .singleElement().satisfies(limit -> {
                    assertThat(limit.at("/schema/minimum").asInt()).isEqualTo(1);
                    assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(1000);
                });
        assertThat(audit.at("/responses/200/headers").has("Link")).isTrue();
        assertThat(description.at("/components/schemas/ProblemDetail/properties").fieldNames())
                .toIterable().contains("rule", "field", "errors", "parameter", "expectedVersion");
    }

    @Test
    void swaggerUiIsServed() {
        LedgerNode.Response page = node.get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }
}
