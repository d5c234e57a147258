package org.negotiationledger.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.negotiationledger.api.problems.ApiDescriptions.CSV;
import static org.negotiationledger.api.problems.ApiDescriptions.JSON;
import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answerAsFound;
import static org.negotiationledger.api.problems.ApiDescriptions.notAcceptable;
import static org.negotiationledger.api.problems.ApiDescriptions.notFound;
import static org.negotiationledger.api.problems.ApiDescriptions.onlyResponse;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;
import static org.negotiationledger.api.problems.ApiDescriptions.databaseUnavailable;

/**
 * The views' answers in the API description: their query parameters, the headers every answer
 * carries, the CSV form where a view has one. The other concerns describe their own reads (the
 * checks of the chains, the session, the admin's listing of the views), so this comes last and
 * takes the GETs that remain: every new view's.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ViewOperations implements OperationDescriptions {

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
            Map.entry("status", new String[]{"Only negotiations with this status", "OPEN"}),
            Map.entry("machineCoded", new String[]{"include (the default) or exclude the records brought in from "
                    + "event data, coded by a machine", "exclude"}),
            Map.entry("minPublishers", new String[]{"Only statements reported by at least this many independent "
                    + "publishers decide a cell (0, the default: any)", "2"}));

    @Override
    public void finish(OpenAPI openApi) {
        // The audit's payload is the event's JSON as stored, written raw: an object, not a text.
        Schema<?> auditEvent = openApi.getComponents().getSchemas().get("AuditEvent");
        if (auditEvent != null) {
            auditEvent.addProperty("payload", new ObjectSchema().description("The event's content as stored"));
        }
    }

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.GET;
    }

    /** What an answer and a 304 both carry: which copy answered, its tag and how long it may be kept. */
    private static void addCachingHeaders(ApiResponse response) {
        response.addHeaderObject("X-View-Source", new Header().description("primary, or replica when the node's read "
                        + "replica answered").schema(new StringSchema()._enum(new ArrayList<>(List.of("primary",
                        "replica")))).example("primary"))
                .addHeaderObject("ETag", new Header().description("Weak, from the view's position, for an answer "
                        + "about the present; strong, from the body, for a settled answer pinned to a past knownAt")
                        .schema(new StringSchema()).example("W/\"20-0-2026-12-06-5d41402a\""))
                .addHeaderObject("Cache-Control", new Header().description("private (public where the ledger lets "
                        + "shared caches keep answers) and no-cache, or max-age=31536000, immutable for a settled "
                        + "answer about the past").schema(new StringSchema()).example("no-cache, private"));
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        if (op.getParameters() != null) {
            op.getParameters().stream().filter(parameter -> QUERY_PARAMETERS.containsKey(parameter.getName()))
                    .forEach(parameter -> {
                        String[] meaning = QUERY_PARAMETERS.get(parameter.getName());
                        boolean number = "integer".equals(parameter.getSchema().getType());
                        boolean list = "array".equals(parameter.getSchema().getType());
                        parameter.description(meaning[0]).example(number ? Long.valueOf(meaning[1])
                                : list ? List.of(meaning[1].split(",")) : meaning[1]);
                        // A fresh schema: springdoc shares one instance among parameters of a type.
                        if (parameter.getName().equals("limit")) {
                            parameter.setSchema(new IntegerSchema().minimum(BigDecimal.ONE)
                                    .maximum(BigDecimal.valueOf(1000)));
                        } else if (number) {
                            parameter.setSchema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
                        }
                    });
        }
        Schema<?> schema = onlyResponse(op).getContent().values().iterator().next().getSchema();
        ApiResponse answer = answerAsFound(op, "The view's answer; X-View-Position says how far the view was, "
                + "X-View-Behind: true that it could not reach waitFor in time, X-View-Incomplete: true that the "
                + "view set aside events of this negotiation (for a question across negotiations: of any) which an "
                + "admin must look at, X-View-Source whether the primary database or a read replica answered. "
                + "An answer pinned to a knownAt in the past, once settled, never changes: it may be kept for a "
                + "year (Cache-Control: immutable) and its ETag is strong; any other answer has a weak ETag from "
                + "the view's position and must be revalidated (no-cache). A GET that sends an ETag back in "
                + "If-None-Match is answered 304 while it still holds", example)
                .addHeaderObject("X-View-Position", new Header().schema(new StringSchema()).example("20"))
                .addHeaderObject("X-View-Incomplete", new Header().schema(new StringSchema()).example("true"));
        addCachingHeaders(answer);
        answer.addHeaderObject("Vary", new Header().description("The answer differs with the Accept header (JSON or "
                + "CSV)").schema(new StringSchema()).example("Accept"));
        ApiResponses responses = new ApiResponses();
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
            op.addParametersItem(new QueryParameter().name("bom").description("true: the CSV form begins with a "
                    + "byte-order mark, so that a spreadsheet opened by double-click reads it as UTF-8")
                    .schema(new BooleanSchema()));
            answer.addHeaderObject("Content-Disposition", new Header().description("With CSV: the file name to "
                    + "save it as").schema(new StringSchema()).example("attachment; filename=\"negotiations-ru-ua-"
                    + "2025-positions.csv\""));
        });
        responses.addApiResponse("200", answer);
        ApiResponse unchanged = new ApiResponse().description("Not modified: the answer is still the one whose ETag "
                + "If-None-Match names (no body)");
        addCachingHeaders(unchanged);
        responses.addApiResponse("304", unchanged);
        responses.addApiResponse("400", problem("/problems/invalid-parameter", 400,
                "asOf has the value '20.05.2025', but must be a date like 2025-05-20, in the years 1 to 9999"));
        if (path.contains("{negotiationId}")) {
            responses.addApiResponse("404", notFound(false));
        }
        responses.addApiResponse("406", notAcceptable());
        responses.addApiResponse("503", databaseUnavailable());
        addAccessProblems(responses, "reader");
        op.setResponses(responses);
    }
}
