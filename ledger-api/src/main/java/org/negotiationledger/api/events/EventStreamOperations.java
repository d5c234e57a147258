package org.negotiationledger.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.negotiationledger.api.problems.ApiDescriptions.EVENT_STREAM;
import static org.negotiationledger.api.problems.ApiDescriptions.NDJSON;
import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.jsonLines;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;
import static org.negotiationledger.api.problems.ApiDescriptions.storageUnavailable;

/** The event stream in the API description: Server-Sent Events, or JSON Lines with Accept: application/x-ndjson. */
@Component
@Order(0)
class EventStreamOperations implements OperationDescriptions {

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return path.equals("/api/events");
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        op.getParameters().stream().filter(parameter -> parameter.getName().equals("after")).forEach(parameter ->
                parameter.description("Where to begin: 0 for the first event, or the id of the last event seen, as "
                        + "the stream gave it (Last-Event-ID does the same on a reconnect); a cursor past the last "
                        + "event stored is refused, naming the last event's position as head").example("57~50,52")
                        .setSchema(new StringSchema().pattern("^[0-9]{1,18}(~[0-9]{1,18}(,[0-9]{1,18}){0,999})?$")));
        op.getParameters().stream().filter(parameter -> parameter.getName().equals("untilCaughtUp"))
                .forEach(parameter -> parameter.description("End the answer once everything stored so far has "
                        + "been sent (after the caught-up frame), instead of following live").example(true));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", new ApiResponse()
                .description("The events, then a heartbeat with the cursor whenever nothing came for 15 s")
                .content(new Content()
                        .addMediaType(EVENT_STREAM, new MediaType().schema(new StringSchema().format("binary")
                                        .description("Server-Sent Events"))
                                .example(example.path("serverSentEvents").asText()))
                        .addMediaType(NDJSON, new MediaType().schema(jsonLines())
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
}
