package org.negotiationledger.api.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.negotiationledger.core.api.Values;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

import static org.negotiationledger.api.problems.ApiDescriptions.JSON;
import static org.negotiationledger.api.problems.ApiDescriptions.addAccessProblems;
import static org.negotiationledger.api.problems.ApiDescriptions.answer;
import static org.negotiationledger.api.problems.ApiDescriptions.header;
import static org.negotiationledger.api.problems.ApiDescriptions.notAcceptable;
import static org.negotiationledger.api.problems.ApiDescriptions.notFound;
import static org.negotiationledger.api.problems.ApiDescriptions.onlyResponse;
import static org.negotiationledger.api.problems.ApiDescriptions.problem;
import static org.negotiationledger.api.problems.ApiDescriptions.schemaOf;
import static org.negotiationledger.api.problems.ApiDescriptions.storageUnavailable;

/**
 * The commands in the API description, from their route table: every route is served by one
 * handler registered from the table, which springdoc does not see, so each operation is made
 * here, its name, summary, path variables, body and answer from the table.
 */
@Component
@Order(0)
class CommandOperations implements OperationDescriptions {

    static {
        // Resolved from headers, not a query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandMetadata.class);
    }

    private static final Set<String> PATHS = CommandRoutes.ALL.stream().map(CommandRoutes.Route::template)
            .collect(Collectors.toSet());

    @Override
    public void addTo(OpenAPI openApi) {
        for (CommandRoutes.Route route : CommandRoutes.ALL) {
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
    }

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.POST && PATHS.contains(path);
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
        if (op.getRequestBody() != null && example.has("request")) {
            op.getRequestBody().getContent().get(JSON).setExample(example.get("request"));
        }
        op.addParametersItem(header("X-Request-Id", "Kept as the correlation id of the events; made up when absent",
                "c0ffee-42"));
        ApiResponses responses = new ApiResponses();
        Schema<?> body = onlyResponse(op).getContent().values().iterator().next().getSchema();
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
        responses.addApiResponse("400", problem("/problems/invalid-fields", 400, "summary must not be blank"));
        if (path.contains("{negotiationId}")) {
            responses.addApiResponse("404", notFound(false));
        }
        responses.addApiResponse("406", notAcceptable());
        responses.addApiResponse("415", problem("/problems/unsupported-media-type", 415,
                "a body of type 'text/plain' is not read here; send application/json"));
        responses.addApiResponse("503", storageUnavailable("the database stopped answering while the command "
                + "was being recorded, so the outcome is unknown: resend it with the same id in a few seconds "
                + "(a repeat is recognised and recorded once)"));
        addAccessProblems(responses, "recorder");
        op.setResponses(responses);
    }
}
