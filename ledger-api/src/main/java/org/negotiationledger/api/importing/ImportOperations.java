package org.negotiationledger.api.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.negotiationledger.api.problems.ApiDescriptions.JSON;
import static org.negotiationledger.api.problems.ApiDescriptions.NDJSON;
import static org.negotiationledger.api.problems.ApiDescriptions.jsonLines;
import static org.negotiationledger.api.problems.ApiDescriptions.jsonLinesText;
import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answer;
import static org.negotiationledger.api.problems.ApiDescriptions.notFound;
import static org.negotiationledger.api.problems.ApiDescriptions.onlyResponse;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;

/**
 * The imports in the API description: JSON Lines of commands, which springdoc cannot see in the
 * handler's signature, and event data (a form with the file and the mapping, the retraction of a
 * batch, and the shipped mapping to start from).
 */
@Component
@Order(0)
class ImportOperations implements OperationDescriptions {

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return path.equals("/api/import") || path.contains("/event-data");
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        if (path.equals("/api/import")) {
            describeImport(op, example);
        } else {
            describeEventData(op, example, path);
        }
    }

    private static void describeImport(Operation op, JsonNode example) {
        op.setRequestBody(new RequestBody().required(true).description("JSON Lines: one command a line, the path "
                + "and body of its POST").content(new Content().addMediaType(NDJSON, new MediaType()
                .schema(jsonLinesText()).example(example.path("request").asText()))));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", answer("One line per command, then the summary", NDJSON, jsonLines(),
                example));
        responses.addApiResponse("400", problem("/problems/invalid-parameter", 400,
                "onError must be stop or continue"));
        responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                "a body of type 'application/json' is not read at /api/import; send application/x-ndjson"));
        addAccessProblems(responses, "recorder");
        op.setResponses(responses);
    }

    private static void describeEventData(Operation op, JsonNode example, String path) {
        ApiResponses responses = new ApiResponses();
        Schema<?> body = onlyResponse(op).getContent().values().iterator().next().getSchema();
        if (path.endsWith("/mapping")) {
            responses.addApiResponse("200", answer("The mapping, as a file to copy and edit", JSON, new ObjectSchema(),
                    example));
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
            responses.addApiResponse("422", problem("/problems/rule-violation", 422, "3 of the 17 records of batch "
                    + "'ed-0123456789abcdef' are retracted, the others stand: restore records a batch again only "
                    + "when all of it was retracted (retract the rest first, or record the missing ones by hand)"));
            responses.addApiResponse("413", problem("/problems/body-too-large", 413, "line 1 of the file is longer "
                    + "than the limit of 65536 bytes; nothing was imported (the limit is the setting "
                    + "ledger.event-data.max-line-size)"));
            responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                    "a body of type 'application/json' is not read here; send multipart/form-data"));
            addAccessProblems(responses, "recorder");
        }
        op.setResponses(responses);
    }
}
