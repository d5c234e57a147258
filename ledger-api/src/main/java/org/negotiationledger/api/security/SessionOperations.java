package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answerAsFound;
import static org.negotiationledger.api.problems.ApiDescriptions.notAcceptable;
import static org.negotiationledger.api.problems.ApiDescriptions.unknownParameter;

/** Who is signed in, in the API description: any user may ask, whatever their role. */
@Component
@Order(0)
class SessionOperations implements OperationDescriptions {

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return path.equals("/api/session");
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", answerAsFound(op, "The user and their role", example));
        responses.addApiResponse("400", unknownParameter());
        responses.addApiResponse("406", notAcceptable());
        addAccessProblems(responses, "reader");
        op.setResponses(responses);
    }
}
