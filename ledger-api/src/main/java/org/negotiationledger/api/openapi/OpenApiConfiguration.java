package org.negotiationledger.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.commands.CommandResponse;
import org.negotiationledger.api.commands.CommandRoutes.Route;
import org.negotiationledger.api.commands.CommandRoutes;
import org.negotiationledger.api.problems.Problems;
import org.negotiationledger.api.views.CsvAnswers;
import org.negotiationledger.core.api.Values;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI description (/v3/api-docs, Swagger UI at /swagger-ui.html). Request and response
 * examples come from {@code openapi/examples.json}, keyed by operation id; the headers and
 * problem answers every command or query shares are added here once.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Resolved from headers, not a query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandMetadata.class);
    }

    /** What the query parameters the views share mean, with an example each. */
    private static final Map<String, String[]> QUERY_PARAMETERS = Map.ofEntries(
            Map.entry("asOf", new String[]{"The effective date to look at; without it, the latest statements",
                    "2025-05-20"}),
            Map.entry("knownAt", new String[]{"Look as the ledger knew it at this recording time (UTC); without it, "
                    + "everything recorded so far", "2025-06-10T12:00:00Z"}),
            Map.entry("waitFor", new String[]{"Wait (a few seconds at most) until the view has processed this global "
                    + "position, e.g. the position a command returned", "20"}),
            Map.entry("from", new String[]{"The earlier effective date", "2025-05-20"}),
            Map.entry("to", new String[]{"The later effective date; without it, the latest statements", "2025-06-30"}),
            Map.entry("type", new String[]{"Only events of these types, repeated or comma-separated",
                    "StatementRecorded,StatementCorrected"}),
            Map.entry("party", new String[]{"Only events that concern this party", "ua"}),
            Map.entry("recordedFrom", new String[]{"Only events recorded at or after this time",
                    "2025-05-16T00:00:00Z"}),
            Map.entry("recordedBefore", new String[]{"Only events recorded before this time", "2025-06-01T00:00:00Z"}),
            Map.entry("effectiveFrom", new String[]{"Only events effective on or after this date", "2025-05-23"}),
            Map.entry("effectiveTo", new String[]{"Only events effective on or before this date", "2025-05-25"}),
            Map.entry("after", new String[]{"The cursor of the next page, as the previous page's next link gives it",
                    "YWZ0ZXI6MTc"}),
            Map.entry("limit", new String[]{"At most this many entries (1 to 1000, 100 when left out)", "100"}),
            Map.entry("status", new String[]{"Only negotiations with this status", "OPEN"}));

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String CSV = "text/csv";
    private static final String BASIC = "basic";
    private static final String SESSION = "session";
    private static final String PROBLEM = "application/problem+json";

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI().info(new Info().title("Negotiation Ledger").version("0.1.0").description("""
                An event-sourced ledger of negotiations. Commands (POST) append immutable events; the views \
                (GET) show each party's position on each topic over time, the exchanges, the meetings, the \
                audit trail and an overview. Views are eventually consistent: pass the `position` a command \
                returned as `waitFor` to read your own write. Errors are RFC 9457 problem details. Every \
                endpoint but health needs HTTP Basic credentials (or the workbench's session): readers may GET, \
                recorders may also send commands, admins may also replay views; the recorder of every event is \
                the user who sent it."""))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID").description("""
                                        The workbench's session, from signing in with the form at /login. A \
                                        change made with it must carry the X-XSRF-TOKEN header with the value of \
                                        the XSRF-TOKEN cookie.""")));
    }

    @Bean
    OpenApiCustomizer ledgerExamples() {
        JsonNode examples = readExamples();
        return openApi -> {
            openApi.getComponents().addSchemas("ProblemDetail", problemSchema());
            for (Route route : CommandRoutes.ALL) {
                describeRoute(openApi, route);
            }
            for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
                sentAsNullable(schema, openApi.getComponents().getSchemas());
            }
            // Streamed answers are text (JSON Lines), not the Spring types that write them.
            openApi.getComponents().getSchemas().remove("StreamingResponseBody");
            openApi.getComponents().getSchemas().remove("ResponseBodyEmitter");
            // The audit's payload is the event's JSON as stored, written raw: an object, not a text.
            Schema<?> auditEvent = openApi.getComponents().getSchemas().get("AuditEvent");
            if (auditEvent != null) {
                auditEvent.addProperty("payload", new ObjectSchema().description("The event's content as stored"));
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                JsonNode example = examples.path(op.getOperationId());
                boolean admin = path.startsWith("/api/admin/");
                if (path.equals("/api/import")) {
                    describeImport(op, example);
                } else if (path.equals("/api/events")) {
                    describeEvents(op, example);
                } else if (path.equals("/api/export") || path.equals("/api/restore")) {
                    describeBackup(op, example, method == PathItem.HttpMethod.POST);
                } else if (method == PathItem.HttpMethod.POST && path.endsWith("/dead-letters/retry")) {
                    describeRetry(op, example);
                } else if (path.contains("/event-data")) {
                    describeEventData(op, example, path);
                } else if (method == PathItem.HttpMethod.POST) {
                    describeCommand(op, example, admin);
                } else {
                    describeQuery(op, example, admin);
                }
            }));
        };
    }

    /**
     * RFC 9457 problem details with every extension the ledger adds to them, each present only
     * where its type says (the problem pages tell which); more may come, so others are allowed.
     */
    private static Schema<?> problemSchema() {
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

    /**
     * A command's POST as the route table says it. Every route is served by one handler registered
     * from the table, which springdoc does not see: the operation is made here, its name, summary,
     * path variables, body and answer from the table.
     */
    private static void describeRoute(OpenAPI openApi, Route route) {
        Operation op = new Operation().operationId(route.operationId()).summary(route.summary())
                .description(route.description()).addTagsItem("Commands");
        route.variables().forEach(name -> op.addParametersItem(new PathParameter().name(name).required(true)
                .schema(new StringSchema().pattern("^" + Values.ID + "$"))));
        op.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON,
                new MediaType().schema(schemaOf(openApi, route.body())))));
        RequestConstraints.apply(route.body(), openApi.getComponents().getSchemas());
        op.setResponses(new ApiResponses().addApiResponse("201", new ApiResponse().content(new Content()
                .addMediaType(JSON, new MediaType().schema(schemaOf(openApi, CommandResponse.class))))));
        openApi.getPaths().computeIfAbsent(route.template(), path -> new PathItem()).setPost(op);
    }

    /** A reference to the schema of {@code type}, which with the schemas it uses is added to the components. */
    private static Schema<?> schemaOf(OpenAPI openApi, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
        resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        openApi.getComponents().addSchemas(type.getSimpleName(), resolved.schema);
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    private static void describeCommand(Operation op, JsonNode example, boolean admin) {
        if (op.getRequestBody() != null && example.has("request")) {
            op.getRequestBody().getContent().get(JSON).setExample(example.get("request"));
        }
        op.addParametersItem(header("X-Request-Id", "Kept as the correlation id of the events; made up when absent",
                "c0ffee-42"));
        ApiResponses responses = new ApiResponses();
        Schema<?> body = onlyResponse(op).getContent().values().iterator().next().getSchema();
        if (admin) {
            responses.addApiResponse("202", answer("The replay has begun; follow it in the listing", body, example));
            responses.addApiResponse("409", problem("/problems/replay-in-progress", 409,
                    "a replay of view 'positions' is already under way"));
        } else {
            HeaderParameter ifMatch = header("If-Match", "Refuse the command unless the negotiation is at this "
                    + "version (the ETag of an earlier answer); * or none: at any version", "\"12\"");
            ifMatch.getSchema().setPattern("^\\s*(\\*|(W/)?\"?(?=[0-9]*[1-9])[0-9]{1,18}\"?)?\\s*$");
            op.addParametersItem(ifMatch);
            responses.addApiResponse("201", answer("Recorded; ETag is the negotiation's version", body, example)
                    .addHeaderObject("ETag", new Header().schema(new StringSchema()).example("\"13\"")));
            responses.addApiResponse("200", answer("An identical repeat: nothing new was recorded", body, example));
            responses.addApiResponse("409", problem("/problems/id-conflict", 409,
                    "statement 's-7' was already recorded with other content"));
            responses.addApiResponse("413", problem("/problems/body-too-large", 413,
                    "the request body is larger than the limit of 1048576 bytes"));
            responses.addApiResponse("422", problem("/problems/rule-violation", 422,
                    "party 'xx' is not registered in negotiation 'ru-ua-2025'"));
        }
        responses.addApiResponse("400", problem("/problems/invalid-fields", 400, "summary must not be blank"));
        responses.addApiResponse("404", notFound(admin));
        responses.addApiResponse("406", notAcceptable());
        responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                "a body of type 'text/plain' is not read here; send application/json"));
        if (!admin) {
            responses.addApiResponse("503", storageUnavailable("the database stopped answering while the command "
                    + "was being recorded, so the outcome is unknown: resend it with the same id in a few seconds "
                    + "(a repeat is recognised and recorded once)"));
        }
        addAccessProblems(responses, admin ? "admin" : "recorder");
        op.setResponses(responses);
    }

    private static void describeRetry(Operation op, JsonNode example) {
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", answer("How many negotiations' events the view has now handled, and how "
                + "many events still wait", onlyResponse(op).getContent().values().iterator().next().getSchema(),
                example));
        responses.addApiResponse("404", notFound(true));
        addAccessProblems(responses, "admin");
        op.setResponses(responses);
    }

    /** A 503 answer, with the Retry-After header that comes with it. */
    private static ApiResponse storageUnavailable(String detail) {
        return problem("/problems/storage-unavailable", 503, detail).addHeaderObject("Retry-After",
                new Header().description("Seconds to wait before trying again").schema(new IntegerSchema())
                        .example(Problems.RETRY_AFTER_SECONDS));
    }

    /** The importer reads and writes JSON Lines, which springdoc cannot see in its signature. */
    private static void describeImport(Operation op, JsonNode example) {
        op.setRequestBody(new RequestBody().required(true).description("JSON Lines: one command a line, the path "
                + "and body of its POST").content(new Content().addMediaType(NDJSON, new MediaType()
                .schema(new StringSchema()).example(example.path("request").asText()))));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", answer("One line per command, then the summary", NDJSON, new StringSchema(),
                example));
        responses.addApiResponse("400", problem("/problems/invalid-parameter", 400,
                "onError must be stop or continue"));
        responses.addApiResponse("404", problem("/problems/not-found", 404, "no such resource"));
        responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                "a body of type 'application/json' is not read at /api/import; send application/x-ndjson"));
        addAccessProblems(responses, "recorder");
        op.setResponses(responses);
    }

    /**
     * Event data: the import (a form with the file and the mapping), the retraction of a batch, and
     * the shipped mapping to start from.
     */
    private static void describeEventData(Operation op, JsonNode example, String path) {
        ApiResponses responses = new ApiResponses();
        Schema<?> body = onlyResponse(op).getContent().values().iterator().next().getSchema();
        if (path.endsWith("/mapping")) {
            responses.addApiResponse("200", answer("The mapping, as a file to copy and edit", JSON, new ObjectSchema(),
                    example));
            responses.addApiResponse("404", problem("/problems/not-found", 404, "no such resource"));
            addAccessProblems(responses, "reader");
        } else if (path.endsWith("/retraction")) {
            op.getRequestBody().getContent().get(JSON).setExample(example.get("request"));
            responses.addApiResponse("200", answer("What was retracted now, and what was retracted before", body,
                    example));
            responses.addApiResponse("400", problem("/problems/invalid-fields", 400, "reason must not be blank"));
            responses.addApiResponse("404", problem("/problems/not-found", 404,
                    "negotiation 'ru-ua-2018' has no records of batch 'ed-0123456789abcdef'"));
            addAccessProblems(responses, "recorder");
        } else {
            Schema<?> form = op.getRequestBody().getContent().get("multipart/form-data").getSchema();
            form.description("file: the rows (GDELT 1.0, GDELT 2.0 or ICEWS; plain, .zip or .gz); mapping, "
                    + "optional: a JSON mapping (docs/event-data.md)");
            responses.addApiResponse("200", answer("The batch's report: rows used and skipped, records by kind, "
                    + "party, topic and stance, and (unless a dry run) what was recorded", body, example));
            responses.addApiResponse("400", problem("/problems/invalid-mapping", 400, "the mapping has an error at "
                    + "line 5: \"stance\" must be one of [SUPPORTS, PROPOSES, DEMANDS, CONDITIONAL, UNDECIDED, "
                    + "OPPOSES, REJECTS], not 'FRIENDLY'"));
            responses.addApiResponse("404", notFound(false));
            responses.addApiResponse("413", problem("/problems/body-too-large", 413, "line 1 of the file is longer "
                    + "than the limit of 65536 bytes; nothing was imported (the limit is the setting "
                    + "ledger.event-data.max-line-size)"));
            responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                    "a body of type 'application/json' is not read here; send multipart/form-data"));
            addAccessProblems(responses, "recorder");
        }
        op.setResponses(responses);
    }

    /** The export (JSON Lines out) and the restore (JSON Lines in), for admins. */
    private static void describeBackup(Operation op, JsonNode example, boolean restore) {
        ApiResponses responses = new ApiResponses();
        if (restore) {
            op.setRequestBody(new RequestBody().required(true).description("An export of a ledger, as GET /api/export "
                    + "gave it").content(new Content().addMediaType(NDJSON, new MediaType().schema(new StringSchema())
                    .example(example.path("request").asText()))));
            responses.addApiResponse("200", answer("Restored: the events and each negotiation's head hash", JSON,
                    new ObjectSchema(), example));
            responses.addApiResponse("400", problem("/problems/malformed-request", 400,
                    "line 12 of the export holds event 12 of negotiation 'ru-ua-2025' where event 11 comes next; "
                            + "nothing was restored"));
            responses.addApiResponse("409", problem("/problems/chain-broken", 409,
                    "negotiation 'ru-ua-2025' in the export does not verify at event 18; nothing was restored"));
        } else {
            responses.addApiResponse("200", answer("One JSON line per stored event, in the store's order", NDJSON,
                    new StringSchema(), example));
        }
        responses.addApiResponse("404", problem("/problems/not-found", 404, "there is nothing at /api/exports"));
        addAccessProblems(responses, "admin");
        op.setResponses(responses);
    }

    /**
     * Every field the ledger sends is sent, null when it has no value (the JSON of its answers
     * writes nulls): a property that is not required may be null, enums included.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void sentAsNullable(Schema<?> schema, Map<String, Schema> components) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.get$ref() != null) {
                // An object that may be absent: a reference cannot carry nullable in OpenAPI 3.0, so
                // the object it names does (every such object is sent as a field that may be null).
                Schema<?> named = components.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
                if (named != null) {
                    named.setNullable(true);
                }
                return;
            }
            property.setNullable(true);
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                ((Schema) property).addEnumItemObject(null);
            }
        });
    }

    /** The event stream: Server-Sent Events, or JSON Lines with Accept: application/x-ndjson. */
    private static void describeEvents(Operation op, JsonNode example) {
        op.getParameters().stream().filter(parameter -> parameter.getName().equals("after")).forEach(parameter ->
                parameter.description("Where to begin: 0 for the first event, or the id of the last event seen, as "
                        + "the stream gave it (Last-Event-ID does the same on a reconnect); a cursor past the last "
                        + "event stored is refused, naming the last event's position as head").example("57~50,52")
                        .setSchema(new StringSchema().pattern("^[0-9]{1,18}(~[0-9]{1,18}(,[0-9]{1,18}){0,999})?$")));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", new ApiResponse()
                .description("The events, then a heartbeat with the cursor whenever nothing came for 15 s")
                .content(new Content()
                        .addMediaType(EVENT_STREAM, new MediaType()
                                .schema(new StringSchema()).example(example.path("serverSentEvents").asText()))
                        .addMediaType(NDJSON, new MediaType().schema(new StringSchema())
                                .example(example.path("response").asText()))));
        responses.addApiResponse("400", problem("/problems/invalid-parameter", 400,
                "after must be 0 (from the first event) or the id of an event of the stream, like 57 or 57~50,52"));
        responses.addApiResponse("404", problem("/problems/unknown-negotiation", 404,
                "negotiation 'ru-ua-2026' does not exist"));
        responses.addApiResponse("503", storageUnavailable("the ledger follows as many subscribers as it can (32); "
                + "try again later"));
        addAccessProblems(responses, "reader");
        op.setResponses(responses);
    }

    private static void describeQuery(Operation op, JsonNode example, boolean admin) {
        if (op.getParameters() != null) {
            op.getParameters().stream().filter(parameter -> QUERY_PARAMETERS.containsKey(parameter.getName()))
                    .forEach(parameter -> {
                        String[] meaning = QUERY_PARAMETERS.get(parameter.getName());
                        boolean number = "integer".equals(parameter.getSchema().getType());
                        parameter.description(meaning[0]).example(number ? Long.valueOf(meaning[1]) : meaning[1]);
                        // A fresh schema: springdoc shares one instance among parameters of a type.
                        if (parameter.getName().equals("limit")) {
                            parameter.setSchema(new IntegerSchema().minimum(BigDecimal.ONE)
                                    .maximum(BigDecimal.valueOf(1000)));
                        } else if (number) {
                            parameter.setSchema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
                        }
                    });
        }
        ApiResponse ok = onlyResponse(op);
        ok.setDescription("The view's answer; X-View-Position says how far the view was, X-View-Behind: true that "
                + "it could not reach waitFor in time, X-View-Incomplete: true that the view set aside events of "
                + "this negotiation (for a question across negotiations: of any) which an admin must look at");
        Map.Entry<String, MediaType> content = ok.getContent().entrySet().iterator().next();
        String mediaType = "*/*".equals(content.getKey()) ? JSON : content.getKey();
        ApiResponses responses = new ApiResponses();
        Schema<?> schema = content.getValue().getSchema();
        if (schema != null && schema.get$ref() != null && schema.get$ref().endsWith("/StreamingResponseBody")) {
            schema = new StringSchema().description("JSON Lines");
        }
        ApiResponse answer = answer(ok.getDescription(), mediaType, schema, example)
                .addHeaderObject("X-View-Position", new Header().schema(new StringSchema()).example("20"))
                .addHeaderObject("X-View-Incomplete", new Header().schema(new StringSchema()).example("true"));
        if (Set.of("audit", "negotiationAudit").contains(op.getOperationId())) {
            answer.addHeaderObject("Link", new Header().description("The next page, when there is one")
                    .schema(new StringSchema()).example("</api/audit?after=YWZ0ZXI6MTc&limit=100>; rel=\"next\""));
        }
        String answerName = schema == null || schema.get$ref() == null ? ""
                : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        CsvAnswers.headerOf(answerName).ifPresent(header -> {
            answer.getContent().addMediaType(CSV, new MediaType().schema(new StringSchema().description("RFC 4180 "
                    + "CSV in UTF-8: a header row, then a row per entry")).example(String.join(",", header) + "\r\n"));
            op.addParametersItem(new QueryParameter().name("format").description("csv for the CSV form where a "
                    + "link cannot send Accept: text/csv")
                    .schema(new StringSchema()._enum(new ArrayList<>(List.of("csv", "json")))));
        });
        responses.addApiResponse("200", answer);
        responses.addApiResponse("400", problem("/problems/invalid-parameter", 400,
                "asOf has the value '20.05.2025', but must be a date like 2025-05-20, in the years 1 to 9999"));
        responses.addApiResponse("404", notFound(admin));
        responses.addApiResponse("406", notAcceptable());
        if (op.getOperationId().equals("checkpoint")) {
            responses.addApiResponse("409", problem("/problems/chain-broken", 409,
                    "negotiation 'ru-ua-2025' fails verification at sequence 7: the stored hash does not match"));
        }
        responses.addApiResponse("503", storageUnavailable("the database is not answering; try again in a few "
                + "seconds"));
        addAccessProblems(responses, admin && op.getOperationId().equals("deadLetters") ? "admin" : "reader");
        op.setResponses(responses);
    }

    private static void addAccessProblems(ApiResponses responses, String role) {
        responses.addApiResponse("401", problem("/problems/unauthenticated", 401,
                "this needs credentials: HTTP Basic with a ledger user"));
        if (!"reader".equals(role)) {
            responses.addApiResponse("403", problem("/problems/forbidden", 403,
                    "your role does not allow this; it needs " + role));
        }
        responses.addApiResponse("429", problem("/problems/too-many-failed-logins", 429,
                "too many failed logins from 203.0.113.7; try again in 42 s"));
    }

    private static ApiResponse notAcceptable() {
        return problem("/problems/not-acceptable", 406, "this answer is not given as 'application/xml'; "
                + "ask for application/json");
    }

    private static ApiResponse notFound(boolean admin) {
        return admin ? problem("/problems/not-found", 404, "there is no view named 'position'")
                : problem("/problems/unknown-negotiation", 404, "negotiation 'ru-ua-2026' does not exist");
    }

    private static ApiResponse onlyResponse(Operation op) {
        return op.getResponses().values().iterator().next();
    }

    private static ApiResponse answer(String description, Schema<?> schema, JsonNode example) {
        return answer(description, JSON, schema, example);
    }

    private static ApiResponse answer(String description, String mediaType, Schema<?> schema, JsonNode example) {
        MediaType media = new MediaType().schema(schema);
        if (example.has("response")) {
            JsonNode response = example.get("response");
            media.setExample(response.isTextual() ? response.textValue() : response);
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(mediaType, media));
    }

    private static ApiResponse problem(String type, int status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type);
        example.put("title", "See the type");
        example.put("status", status);
        example.put("detail", detail);
        return new ApiResponse().description("RFC 9457 problem details").content(new Content()
                .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))
                        .example(example)));
    }

    private static HeaderParameter header(String name, String description, String example) {
        HeaderParameter header = new HeaderParameter();
        header.name(name).description(description).required(false).schema(new StringSchema()).example(example);
        return header;
    }

    private static JsonNode readExamples() {
        try (InputStream in = new ClassPathResource("openapi/examples.json").getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/examples.json is missing from the application", e);
        }
    }
}
