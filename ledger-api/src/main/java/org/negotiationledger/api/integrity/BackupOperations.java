package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
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
import static org.negotiationledger.api.problems.ApiDescriptions.problem;

/** The export (JSON Lines out) and the restore (JSON Lines in), for admins, in the API description. */
@Component
@Order(0)
class BackupOperations implements OperationDescriptions {

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return path.equals("/api/export") || path.equals("/api/restore");
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        boolean restore = method == PathItem.HttpMethod.POST;
        ApiResponses responses = new ApiResponses();
        if (restore) {
            op.setRequestBody(new RequestBody().required(true).description("An export of a ledger, as GET /api/export "
                    + "gave it").content(new Content().addMediaType(NDJSON, new MediaType().schema(jsonLinesText())
                    .example(example.path("request").asText()))));
            responses.addApiResponse("200", answer("Restored: the events and each negotiation's head hash", JSON,
                    new Schema<>().$ref("#/components/schemas/Restored"), example));
            responses.addApiResponse("400", problem("/problems/malformed-request", 400,
                    "line 12 of the export holds event 12 of negotiation 'ru-ua-2025' where event 11 comes next; "
                            + "nothing was restored"));
            responses.addApiResponse("409", problem("/problems/chain-broken", 409,
                    "negotiation 'ru-ua-2025' in the export does not verify at event 18; nothing was restored"));
        } else {
            responses.addApiResponse("200", answer("One JSON line per stored event, in the store's order", NDJSON,
                    jsonLines(), example));
        }
        addAccessProblems(responses, "admin");
        op.setResponses(responses);
    }
}
