package org.negotiationledger.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.negotiationledger.api.problems.ApiDescriptions;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI description (/v3/api-docs, Swagger UI at /swagger-ui.html): what the whole API
 * shares (its introduction, security schemes, the problem details' schema, nullable fields), with
 * each operation described by the concern it belongs to ({@link OperationDescriptions}: commands,
 * views, importing, integrity, events), its examples from {@code openapi/examples.json}, keyed by
 * operation id.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basic";
    private static final String SESSION = "session";

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
                // The commands' operations are added by hand (CommandOperations), so springdoc lists no tag for them.
                .addTagsItem(new Tag().name("Commands").description("Record what was said, agreed and done; each "
                        + "POST appends events"))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("SESSION").description("""
                                        The workbench's session, from signing in with the form at /login. A \
                                        change made with it must carry the X-XSRF-TOKEN header with the value of \
                                        the XSRF-TOKEN cookie.""")));
    }

    /** Every concern's descriptions, in their order: the first that claims an operation describes it. */
    @Bean
    OpenApiCustomizer ledgerOperations(List<OperationDescriptions> concerns) {
        JsonNode examples = ApiDescriptions.readExamples();
        return openApi -> {
            openApi.getComponents().addSchemas("ProblemDetail", ApiDescriptions.problemSchema());
            concerns.forEach(concern -> concern.addTo(openApi));
            for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
                sentAsNullable(schema, openApi.getComponents().getSchemas());
            }
            // Streamed answers are text (JSON Lines), not the Spring types that write them.
            openApi.getComponents().getSchemas().remove("StreamingResponseBody");
            openApi.getComponents().getSchemas().remove("ResponseBodyEmitter");
            concerns.forEach(concern -> concern.finish(openApi));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                    concerns.stream().filter(concern -> concern.describes(path, method)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no concern describes " + method + " "
                                    + path))
                            .describe(op, path, method, examples.path(op.getOperationId()))));
            concerns.forEach(concern -> concern.described(openApi));
        };
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
}
