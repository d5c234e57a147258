package org.negotiationledger.api.views.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answerAsFound;
import static org.negotiationledger.api.problems.ApiDescriptions.databaseUnavailable;
import static org.negotiationledger.api.problems.ApiDescriptions.header;
import static org.negotiationledger.api.problems.ApiDescriptions.notAcceptable;
import static org.negotiationledger.api.problems.ApiDescriptions.notFound;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;
import static org.negotiationledger.api.problems.ApiDescriptions.unknownParameter;

/**
 * The views' administration in the API description: the listing of the views' progress and one
 * view's, their set-aside events, a replay and a retry of the set-aside events.
 */
@Component
@Order(0)
class AdminOperations implements OperationDescriptions {

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return path.startsWith("/api/admin/");
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        ApiResponses responses = new ApiResponses();
        if (method == PathItem.HttpMethod.GET) {
            describeRead(op, path, example, responses);
        } else if (path.endsWith("/dead-letters/retry")) {
            responses.addApiResponse("200", answerAsFound(op, "How many negotiations' events the view has now "
                    + "handled, and how many events still wait", example));
            responses.addApiResponse("404", notFound(true));
            responses.addApiResponse("406", notAcceptable());
            responses.addApiResponse("503", databaseUnavailable());
            addAccessProblems(responses, "admin");
        } else {
            op.addParametersItem(header("X-Request-Id", "Kept as the correlation id of the events; made up when "
                    + "absent", "c0ffee-42"));
            responses.addApiResponse("202", answerAsFound(op, "The replay has begun; follow it in the listing",
                    example).addHeaderObject("Location", new Header().description("The view's progress")
                    .schema(new StringSchema()).example("/api/admin/projections/positions")));
            responses.addApiResponse("404", notFound(true));
            responses.addApiResponse("406", notAcceptable());
            responses.addApiResponse("409", problem("/problems/replay-in-progress", 409,
                    "a replay of view 'positions' is already under way"));
            responses.addApiResponse("503", databaseUnavailable());
            addAccessProblems(responses, "admin");
        }
        op.setResponses(responses);
    }

    /** The listing and one view's progress, for any user; the dead letters, for admins. */
    private static void describeRead(Operation op, String path, JsonNode example, ApiResponses responses) {
        boolean letters = path.endsWith("/dead-letters");
        responses.addApiResponse("200", answerAsFound(op, letters ? "How many events the view set aside, and the "
                + "first of them with their causes" : "How far the views are, and any replay; causes of set-aside "
                + "events and the nodes' names only for admins", example));
        responses.addApiResponse("400", unknownParameter());
        if (path.contains("{name}")) {
            responses.addApiResponse("404", notFound(true));
        }
        responses.addApiResponse("406", notAcceptable());
        responses.addApiResponse("503", databaseUnavailable());
        addAccessProblems(responses, letters ? "admin" : "reader");
    }
}
