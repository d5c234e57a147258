package org.negotiationledger.api.views.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.negotiationledger.api.problems.ApiDescriptions.JSON;
import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answer;
import static org.negotiationledger.api.problems.ApiDescriptions.header;
import static org.negotiationledger.api.problems.ApiDescriptions.notAcceptable;
import static org.negotiationledger.api.problems.ApiDescriptions.notFound;
import static org.negotiationledger.api.problems.ApiDescriptions.onlyResponse;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;

/** The admin's actions on the views in the API description: a replay, a retry of dead letters. */
@Component
@Order(0)
class AdminOperations implements OperationDescriptions {

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.POST && path.startsWith("/api/admin/");
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        ApiResponses responses = new ApiResponses();
        Schema<?> body = onlyResponse(op).getContent().values().iterator().next().getSchema();
        if (path.endsWith("/dead-letters/retry")) {
            responses.addApiResponse("200", answer("How many negotiations' events the view has now handled, and "
                    + "how many events still wait", body, example));
            responses.addApiResponse("404", notFound(true));
        } else {
            if (op.getRequestBody() != null && example.has("request")) {
                op.getRequestBody().getContent().get(JSON).setExample(example.get("request"));
            }
            op.addParametersItem(header("X-Request-Id", "Kept as the correlation id of the events; made up when "
                    + "absent", "c0ffee-42"));
            responses.addApiResponse("202", answer("The replay has begun; follow it in the listing", body, example));
            responses.addApiResponse("409", problem("/problems/replay-in-progress", 409,
                    "a replay of view 'positions' is already under way"));
            responses.addApiResponse("400", problem("/problems/invalid-fields", 400, "summary must not be blank"));
            responses.addApiResponse("404", notFound(true));
            responses.addApiResponse("406", notAcceptable());
            responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                    "a body of type 'text/plain' is not read here; send application/json"));
        }
        addAccessProblems(responses, "admin");
        op.setResponses(responses);
    }
}
