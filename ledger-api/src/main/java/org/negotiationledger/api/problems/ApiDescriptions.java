package org.negotiationledger.api.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of the API description every concern shares: the problem details' schema and
 * answers, the access problems of each role, answers with their examples, and the examples
 * themselves ({@code openapi/examples.json}, keyed by operation id).
 */
public final class ApiDescriptions {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String EVENT_STREAM = "text/event-stream";
    public static final String CSV = "text/csv";
    private static final String PROBLEM = "application/problem+json";

    private ApiDescriptions() {
    }

    /**
     * RFC 9457 problem details with every extension the ledger adds to them, each present only
     * where its type says (the problem pages tell which); more may come, so others are allowed.
     */
    public static Schema<?> problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        ObjectSchema broken = new ObjectSchema();
        broken.addProperty("sequence", new IntegerSchema().format("int64"))
                .addProperty("eventId", new StringSchema()).addProperty("detail", new StringSchema());
        broken.additionalProperties(true);
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; clients branch on type, whose page explains it")
                .addProperty("type", new StringSchema().example("/problems/rule-violation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema().description("The code of the rule a refused command broke"))
                .addProperty("field", new StringSchema().description("The body field that could not be read, as "
                        + "a path such as offer.value or partyIds[0]"))
                .addProperty("errors", new ArraySchema().items(field).description("Each invalid field and what it "
                        + "must be"))
                .addProperty("parameter", new StringSchema().description("The query parameter that is unknown or "
                        + "invalid"))
                .addProperty("header", new StringSchema().description("The request header that is invalid"))
                .addProperty("expectedVersion", new IntegerSchema().format("int64").description("The version "
                        + "If-Match expected"))
                .addProperty("actualVersion", new IntegerSchema().format("int64").description("The version the "
                        + "negotiation is at"))
                .addProperty("negotiationId", new StringSchema())
                .addProperty("partyId", new StringSchema())
                .addProperty("topicId", new StringSchema())
                .addProperty("exchangeId", new StringSchema())
                .addProperty("projection", new StringSchema().description("The view concerned"))
                .addProperty("outcome", new StringSchema()._enum(new ArrayList<>(List.of("not-recorded", "unknown")))
                        .description("For a command the database failed: whether it may have been recorded"))
                .addProperty("retryAfter", new IntegerSchema().description("Seconds to wait before trying again"))
                .addProperty("firstBroken", broken.description("The first event of the chain that fails "
                        + "verification"))
                .addProperty("line", new IntegerSchema().format("int64").description("The line of the file "
                        + "that was refused"))
                .addProperty("path", new StringSchema().description("The command path of an import line that "
                        + "names no command"))
                .addProperty("viewPosition", new IntegerSchema().format("int64").description("How far the view "
                        + "was when it answered"))
                .addProperty("viewBehind", new BooleanSchema().description("The view had not reached waitFor"))
                .addProperty("viewIncomplete", new BooleanSchema().description("The view set aside events an "
                        + "admin must look at"));
        problem.additionalProperties(true);
        return problem;
    }

    /** A reference to the schema of {@code type}, which with the schemas it uses is added to the components. */
    public static Schema<?> schemaOf(OpenAPI openApi, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
        resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        openApi.getComponents().addSchemas(type.getSimpleName(), resolved.schema);
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    /** A 503 answer, with the Retry-After header that comes with it. */
    public static ApiResponse storageUnavailable(String detail) {
        return problem("/problems/storage-unavailable", 503, detail).addHeaderObject("Retry-After",
                new Header().description("Seconds to wait before trying again").schema(new IntegerSchema())
                        .example(Problems.RETRY_AFTER_SECONDS));
    }

    /** The 503 of a read while the database is not answering. */
    public static ApiResponse databaseUnavailable() {
        return storageUnavailable("the database is not answering; try again in a few seconds");
    }

    public static void addAccessProblems(ApiResponses responses, String role) {
        responses.addApiResponse("401", problem("/problems/unauthenticated", 401,
                "this needs credentials: HTTP Basic with a ledger user"));
        if (!"reader".equals(role)) {
            responses.addApiResponse("403", problem("/problems/forbidden", 403,
                    "your role does not allow this; it needs " + role));
        }
        responses.addApiResponse("429", problem("/problems/too-many-failed-logins", 429,
                "too many failed logins from 203.0.113.7; try again in 42 s"));
    }

    /** A 400 for a query parameter the operation does not take (every GET refuses one). */
    public static ApiResponse unknownParameter() {
        return problem("/problems/unknown-parameter", 400, "unknown query parameter 'asoff'; this request takes none");
    }

    public static ApiResponse notAcceptable() {
        return problem("/problems/not-acceptable", 406, "this answer is not given as 'application/xml'; "
                + "ask for application/json");
    }

    public static ApiResponse notFound(boolean admin) {
        return admin ? problem("/problems/not-found", 404, "there is no view named 'position'")
                : problem("/problems/unknown-negotiation", 404, "negotiation 'ru-ua-2026' does not exist");
    }

    public static ApiResponse onlyResponse(Operation op) {
        return op.getResponses().values().iterator().next();
    }

    /**
     * The operation's answer as springdoc found it (its media type, JSON for any, and its schema;
     * a streamed body is JSON Lines text), with this description and the example.
     */
    public static ApiResponse answerAsFound(Operation op, String description, JsonNode example) {
        Map.Entry<String, MediaType> content = onlyResponse(op).getContent().entrySet().iterator().next();
        String mediaType = "*/*".equals(content.getKey()) ? JSON : content.getKey();
        Schema<?> schema = content.getValue().getSchema();
        if (schema != null && schema.get$ref() != null && schema.get$ref().endsWith("/StreamingResponseBody")) {
            schema = jsonLines();
        }
        return answer(description, mediaType, schema, example);
    }

    /**
     * A JSON Lines answer: text, declared as binary so that generated clients hand it over as bytes
     * (a file or a stream) rather than try to read it as one JSON string.
     */
    public static Schema<?> jsonLines() {
        return new StringSchema().format("binary").description("JSON Lines: one JSON value a line");
    }

    /**
     * A JSON Lines request body: a string, which generated clients send as it is (a binary body
     * they would write as the JSON of a file's name).
     */
    public static Schema<?> jsonLinesText() {
        return new StringSchema().description("JSON Lines: one JSON value a line");
    }

    public static ApiResponse answer(String description, Schema<?> schema, JsonNode example) {
        return answer(description, JSON, schema, example);
    }

    public static ApiResponse answer(String description, String mediaType, Schema<?> schema, JsonNode example) {
        MediaType media = new MediaType().schema(schema);
        if (example.has("response")) {
            JsonNode response = example.get("response");
            media.setExample(response.isTextual() ? response.textValue() : response);
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(mediaType, media));
    }

    public static ApiResponse problem(String type, int status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type);
        example.put("title", "See the type");
        example.put("status", status);
        example.put("detail", detail);
        return new ApiResponse().description("RFC 9457 problem details").content(new Content()
                .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))
                        .example(example)));
    }

    public static HeaderParameter header(String name, String description, String example) {
        HeaderParameter header = new HeaderParameter();
        header.name(name).description(description).required(false).schema(new StringSchema()).example(example);
        return header;
    }

    public static JsonNode readExamples() {
        try (InputStream in = new ClassPathResource("openapi/examples.json").getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/examples.json is missing from the application", e);
        }
    }
}
