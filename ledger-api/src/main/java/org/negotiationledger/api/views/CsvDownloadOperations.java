package org.negotiationledger.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.negotiationledger.api.problems.OperationDescriptions;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The .csv paths in the API description: for each view that answers CSV, an operation of its own
 * (its id the view's with "Csv" after it), with the view's parameters but format, its problems,
 * and a CSV answer declared binary, so that a generated client hands it over as a file.
 */
@Component
class CsvDownloadOperations implements OperationDescriptions {

    private static final String CSV = "text/csv";

    @Override
    public boolean describes(String path, PathItem.HttpMethod method) {
        return false; // the .csv paths are added once the views are described
    }

    @Override
    public void describe(Operation op, String path, PathItem.HttpMethod method, JsonNode example) {
    }

    @Override
    public void described(OpenAPI openApi) {
        Map<String, PathItem> downloads = new TreeMap<>();
        openApi.getPaths().forEach((path, item) -> {
            Operation view = item.getGet();
            ApiResponse ok = view == null ? null : view.getResponses().get("200");
            if (ok == null || ok.getContent() == null || !ok.getContent().containsKey(CSV)) {
                return;
            }
            ApiResponses responses = new ApiResponses();
            view.getResponses().forEach((status, response) -> responses.addApiResponse(status, !status.equals("200")
                    ? response : new ApiResponse().description(ok.getDescription()).headers(ok.getHeaders())
                    .content(new Content().addMediaType(CSV, new MediaType().schema(new StringSchema()
                                    .format("binary").description("RFC 4180 CSV in UTF-8: a header row, then a row "
                                            + "per entry"))
                            .example(ok.getContent().get(CSV).getExample())))));
            Operation csv = new Operation().operationId(view.getOperationId() + "Csv").tags(view.getTags())
                    .summary(view.getSummary() + ", as CSV")
                    .description("The same answer as " + path + "?format=csv, at a path of its own: a download "
                            + "for a spreadsheet, pandas or R, with the same parameters but format.")
                    .parameters(view.getParameters() == null ? null : view.getParameters().stream()
                            .filter(parameter -> !parameter.getName().equals("format")).toList())
                    .responses(responses);
            csv.setSecurity(view.getSecurity());
            downloads.put(path + CsvDownloads.SUFFIX, new PathItem().get(csv));
        });
        openApi.getPaths().putAll(downloads);
    }
}
