package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answerAsFound;
import static org.negotiationledger.api.problems.ApiDescriptions.notAcceptable;
import static org.negotiationledger.api.problems.ApiDescriptions.notFound;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;
import static org.negotiationledger.api.problems.ApiDescriptions.databaseUnavailable;
import static org.negotiationledger.api.problems.ApiDescriptions.unknownParameter;

/**
 * The checks of the hash chains in the API description: one negotiation's verification (against
 * a kept checkpoint too), its checkpoint, and every negotiation's as JSON Lines. They read the
 * store itself, not a view: their answers carry no view position.
 */
@Component
@Order(0)
class IntegrityOperations implements OperationDescriptions {

    private static final Map<String, String> ANSWERS = Map.of(
            "verify", "Whether the chain is intact: its head, or the first event that no longer matches and why",
            "checkpoint", "The head of the intact chain, with the time it was checked",
            "verifyAll", "A JSON line per negotiation as verify answers it, then a line with the counts");

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.GET && (path.equals("/api/verify")
                || path.equals("/api/negotiations/{negotiationId}/verify")
                || path.equals("/api/negotiations/{negotiationId}/checkpoint"));
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        String id = op.getOperationId();
        if (op.getParameters() != null) {
            op.getParameters().forEach(parameter -> {
                if (parameter.getName().equals("sequence")) {
                    parameter.description("The sequence of a kept checkpoint; give it with hash").example(19L);
                } else if (parameter.getName().equals("hash")) {
                    parameter.description("The hash of a kept checkpoint, 64 hex digits; give it with sequence")
                            .example("5d0f1c1e0b8b6e0a4f4f8c1d2b8e0c4a7f3e9d2c1b0a99887766554433221100");
                }
            });
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", answerAsFound(op, ANSWERS.get(id), example));
        responses.addApiResponse("400", id.equals("verify") ? problem("/problems/invalid-parameter", 400,
                "hash must be the 64 hex digits of a kept checkpoint") : unknownParameter());
        if (!id.equals("verifyAll")) {
            responses.addApiResponse("404", notFound(false));
        }
        responses.addApiResponse("406", notAcceptable());
        if (id.equals("checkpoint")) {
            responses.addApiResponse("409", problem("/problems/chain-broken", 409,
                    "negotiation 'ru-ua-2025' fails verification at sequence 7: the stored hash does not match"));
        }
        responses.addApiResponse("503", databaseUnavailable());
        addAccessProblems(responses, "reader");
        op.setResponses(responses);
    }
}
