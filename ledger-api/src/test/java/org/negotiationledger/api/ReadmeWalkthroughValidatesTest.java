package org.negotiationledger.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough through a validating proxy: the import, commands (recorded, repeated,
 * refused) and every read it shows, each request and answer checked against the OpenAPI
 * description the ledger serves; none may break it.
 */
class ReadmeWalkthroughValidatesTest {

    private static final String N = "/api/negotiations/ru-ua-2025";

    @Test
    void everyAnswerOfTheWalkthroughMatchesTheServedDescription() {
        try (LedgerNode node = LedgerNode.start(TestDatabase.freshSchema("ledger_readme_validates_it"))) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(node.get("/v3/api-docs").body()).build();
            List<String> violations = new ArrayList<>();
            LedgerNode.Response imported = node.importLines("?report=refused", IstanbulExampleTest.example());
            check(validator, violations, SimpleRequest.Builder.post("/api/import").withQueryParam("report", "refused")
                    .withContentType("application/x-ndjson").withBody(IstanbulExampleTest.example()), imported);
            String statement = """
                    {"id":"my-statement","partyId":"ua","delegateId":"umerov","topicId":"ceasefire",
                     "stance":"SUPPORTS","summary":"Ukraine supports a long ceasefire","effectiveOn":"2025-06-27"}""";
            for (String body : List.of(statement, statement, statement.replace("\"ua\"", "\"xx\"")
                    .replace("my-statement", "other"))) {
                check(validator, violations, SimpleRequest.Builder.post(N + "/statements")
                        .withContentType("application/json").withBody(body), node.post(N + "/statements", body));
            }
            // A body the description itself refuses: only the answer, a described 400, is checked.
            LedgerNode.Response refused = node.post(N + "/statements", "{\"id\":\"x\"}");
            SimpleResponse.Builder problem = SimpleResponse.Builder.status(refused.status()).withBody(refused.body());
            refused.headers().forEach(problem::withHeader);
            validator.validateResponse(N + "/statements", Request.Method.POST,
                    problem.build()).getMessages().forEach(message -> violations.add("400 " + message.getMessage()));
            node.awaitViews();
            for (String path : List.of(N + "/positions", N + "/positions/ua/prisoner-exchange/history",
                    N + "/exchanges", N + "/meetings", N + "/positions?asOf=2025-05-20",
                    N + "/audit?limit=2&type=StatementRecorded", N + "/outcomes?topicId=prisoner-exchange",
                    "/api/negotiations", N, N + "/changes?from=2025-05-20&to=2025-06-30", N + "/verify",
                    N + "/checkpoint", "/api/admin/projections", N + "/offer-gaps?topicId=prisoner-exchange",
                    N + "/exchanges/pow-1000-for-1000", "/api/negotiations/nothing/positions")) {
                LedgerNode.Response response = node.get(path);
                String[] parts = path.split("\\?", 2);
                SimpleRequest.Builder request = SimpleRequest.Builder.get(parts[0])
                        .withHeader("Authorization", "Basic cm9vdDpyb290LXBhc3N3b3Jk");
                if (parts.length > 1) {
                    for (String pair : parts[1].split("&")) {
                        String[] nameAndValue = pair.split("=", 2);
                        request.withQueryParam(nameAndValue[0], nameAndValue[1]);
                    }
                }
                SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status())
                        .withBody(response.body());
                response.headers().forEach(answer::withHeader);
                ValidationReport report = validator.validate(request.build(), answer.build());
                report.getMessages().forEach(message -> violations.add(path + ": " + message.getMessage()));
            }
            assertThat(violations).isEmpty();
        }
    }

    private static void check(OpenApiInteractionValidator validator, List<String> violations,
                              SimpleRequest.Builder request, LedgerNode.Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status()).withBody(response.body());
        response.headers().forEach(answer::withHeader);
        ValidationReport report = validator.validate(request.withHeader("Authorization", "Basic cm9vdDpyb290LXBhc3N3b3Jk")
                .build(), answer.build());
        report.getMessages().forEach(message -> violations.add(response.status() + " " + message.getMessage()));
    }
}
