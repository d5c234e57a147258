package org.negotiationledger.api.problems;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/**
 * What one concern says about its own operations in the API description: each concern (commands,
 * views, importing, integrity, events) has a bean of this type, and the description asks the
 * first (by its order) that claims an operation to describe it ({@link ApiDescriptions} holds the
 * pieces they share).
 */
public interface OperationDescriptions {

    /** Adds what springdoc cannot see of this concern (operations, schemas); nothing by default. */
    default void addTo(OpenAPI openApi) {
    }

    /**
     * Changes the shared schemas once every property not required was marked as sent null when
     * empty (a property added here stays as it is added); nothing by default.
     */
    default void finish(OpenAPI openApi) {
    }

    /** Whether the operation at this path and method is one this concern describes. */
    boolean describes(String path, PathItem.HttpMethod method);

    /** Describes the operation: its answers, problems and examples ({@code example} from examples.json). */
    void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example);

    /** Builds on the operations once every one is described (copies of them, say); nothing by default. */
    default void described(OpenAPI openApi) {
    }
}
