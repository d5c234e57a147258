package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view answers byte for byte as recorded: the shipped example and a generated history of
 * 10,000 events, imported on a fixed clock on H2 and on PostgreSQL, and every view's answers for
 * them (JSON and CSV, with {@code asOf} and filters), against {@code answers/views-as-of-issue-28.txt}.
 * The answers were first recorded by the release before issue 26 (commit 9a8dfdf), before the views
 * came to share one processor, the audit trail to read the store, and the views' rows to shrink;
 * they were recorded again with issue 28, whose sources on every record add fields ({@code sources},
 * {@code publishers}, a source's grades, {@code machineCoded} on outcomes, meetings and exchanges,
 * a meeting's {@code corroborations}, days, times and format, an exchange's {@code agreementId},
 * an overview's {@code closingAgreementId}, a topic's {@code addedOn}, a delegate's {@code since},
 * an offer gap's {@code unit} and concessions)
 * and CSV columns (the meetings' {@code retracted} to {@code batchId} among them): with
 * those additions left out, the two recordings held the same answers. Record with
 * {@code -Dledger.answers.record=<file>} only where a change of the answers is meant, and compare.
 * Event identifiers and request ids, new in every run, are numbered in the order they first appear.
 */
class ViewAnswersAsBeforeTest {

    private static final int NEGOTIATIONS = 20;
    private static final int EVENTS = 10_000;
    private static final String[] STANCES = {"SUPPORTS", "PROPOSES", "DEMANDS", "CONDITIONAL", "UNDECIDED",
            "OPPOSES", "REJECTS"};

    @Test
    void everyViewAnswersAsTheReleaseBeforeGaveItOnH2(@TempDir Path dataDir) throws IOException {
        assertAnswersAsBefore(Map.of("ledger.data-dir", dataDir.toString()));
    }

    @Test
    void everyViewAnswersAsTheReleaseBeforeGaveItOnPostgres() throws IOException {
        assertAnswersAsBefore(TestDatabase.freshSchema("ledger_answers_it"));
    }

    private static void assertAnswersAsBefore(Map<String, Object> database) throws IOException {
        try (LedgerNode node = LedgerNode.start(database, new TestClock("2025-06-30T12:00:00Z"))) {
            load(node, Files.readString(Path.of("..", "examples", "ru-ua-2025", "commands.jsonl")));
            load(node, generated());
            node.awaitViews();
            assertThat(node.eventCount()).isGreaterThanOrEqualTo(EVENTS);
            String answers = answers(node);
            String record = System.getProperty("ledger.answers.record");
            if (record != null) {
                Files.writeString(Path.of(record), answers);
            }
            assertThat(answers).isEqualTo(AuditAnswersAsBeforeTest.recorded("views-as-of-issue-28.txt"));
        }
    }

    private static void load(LedgerNode node, String lines) {
        LedgerNode.Response imported = node.importLines("?report=refused", lines);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"refused\":0");
    }

    /**
     * Twenty negotiations of four parties and five topics each, then statements spread over them
     * with corrections, retractions, offers, meetings, exchanges and outcomes among them.
     */
    static String generated() {
        StringBuilder lines = new StringBuilder();
        int events = 0;
        for (int n = 0; n < NEGOTIATIONS; n++) {
            String path = "/api/negotiations/g-" + n;
            line(lines, "/api/negotiations", "{\"id\":\"g-%d\",\"title\":\"Generated %d\",\"openedOn\":\"2025-01-01\"}"
                    .formatted(n, n));
            for (int p = 0; p < 4; p++) {
                line(lines, path + "/parties", "{\"id\":\"p%d\",\"name\":\"Party %d\",\"role\":\"%s\"}"
                        .formatted(p, p, p == 3 ? "MEDIATOR" : "PARTY"));
            }
            line(lines, path + "/delegates", "{\"id\":\"d0\",\"name\":\"Delegate 0\",\"partyId\":\"p0\"}");
            for (int t = 0; t < 5; t++) {
                line(lines, path + "/topics", "{\"id\":\"t%d\",\"title\":\"Topic %d\"}".formatted(t, t));
            }
            events += 11;
        }
        for (int i = 0; events < EVENTS; i++) {
            String path = "/api/negotiations/g-" + i % NEGOTIATIONS;
            String day = "2025-%02d-%02d".formatted(2 + i / 1000 % 5, 1 + i % 28);
            String stance = STANCES[i % STANCES.length];
            String extra = stance.equals("CONDITIONAL") ? ",\"conditions\":\"only after step " + i + "\"" : "";
            if (i % 5 == 1) {
                extra += ",\"offer\":{\"value\":" + (100 + i % 900) + ",\"unit\":\"prisoners\"}";
            }
            line(lines, path + "/statements", ("{\"id\":\"s-%d\",\"partyId\":\"p%d\",%s\"topicId\":\"t%d\","
                    + "\"stance\":\"%s\",\"summary\":\"Statement %d\",\"effectiveOn\":\"%s\"%s}")
                    .formatted(i, i % 3, i % 3 == 0 ? "\"delegateId\":\"d0\"," : "", i % 5, stance, i, day, extra));
            events++;
            if (i % 10 == 3) {
                line(lines, path + "/statements/s-" + i + "/corrections",
                        "{\"summary\":\"Statement %d, corrected\",\"reason\":\"closer to the quote\"}".formatted(i));
                events++;
            }
            if (i % 10 == 7) {
                line(lines, path + "/statements/s-" + i + "/retraction", "{\"reason\":\"recorded twice\"}");
                events++;
            }
            if (i % 50 == 11) {
                line(lines, path + "/meetings", ("{\"id\":\"m-%d\",\"heldOn\":\"%s\",\"location\":\"City %d\","
                        + "\"level\":\"DELEGATIONS\",\"partyIds\":[\"p0\",\"p1\"],\"mediatorIds\":[\"p3\"],"
                        + "\"topicIds\":[\"t%d\"],\"summary\":\"Meeting %d\"}").formatted(i, day, i, i % 5, i));
                events++;
            }
            if (i % 100 == 13) {
                line(lines, path + "/exchanges", ("{\"id\":\"x-%d\",\"kind\":\"PRISONERS\",\"proposedOn\":\"%s\","
                        + "\"quantities\":{\"p0\":%d,\"p1\":%d},\"allForAll\":false,\"categories\":[]}")
                        .formatted(i, day, i, i + 1));
                line(lines, path + "/exchanges/x-" + i + "/agreements",
                        "{\"partyIds\":[\"p0\",\"p1\"],\"agreedOn\":\"%s\"}".formatted(day));
                events += 2;
            }
            if (i % 200 == 17) {
                line(lines, path + "/outcomes", ("{\"id\":\"o-%d\",\"kind\":\"AGREED\",\"topicIds\":[\"t%d\"],"
                        + "\"partyIds\":[\"p0\",\"p1\"],\"terms\":\"Terms %d\",\"reachedOn\":\"%s\"}")
                        .formatted(i, i % 5, i, day));
                events++;
            }
        }
        return lines.toString();
    }

    private static void line(StringBuilder lines, String path, String body) {
        lines.append("{\"path\":\"").append(path).append("\",\"body\":").append(body).append("}\n");
    }

    /** Every view's answers, each after a line naming its request, with identifiers numbered. */
    private static String answers(LedgerNode node) {
        List<String> paths = new ArrayList<>(List.of("/api/negotiations", "/api/audit?limit=1000",
                "/api/audit?limit=1000&type=StatementCorrected,StatementRetracted&party=p1"));
        for (String n : List.of("ru-ua-2025", "g-0", "g-7", "g-19")) {
            String at = "/api/negotiations/" + n;
            paths.addAll(List.of(at, at + "/positions", at + "/positions?asOf=2025-03-15",
                    at + "/positions?format=csv", at + "/changes?from=2025-03-01&to=2025-06-30",
                    at + "/outcomes", at + "/exchanges", at + "/exchanges?asOf=2025-05-20", at + "/meetings",
                    at + "/meetings?format=csv", at + "/audit?limit=1000", at + "/audit?limit=50&party=p0",
                    at + "/audit?effectiveFrom=2025-05-01&effectiveTo=2025-05-31&limit=1000"));
        }
        paths.addAll(List.of("/api/negotiations/ru-ua-2025/positions/ua/prisoner-exchange/history",
                "/api/negotiations/ru-ua-2025/exchanges/pow-1000-for-1000",
                "/api/negotiations/ru-ua-2025/offer-gaps?topicId=prisoner-exchange",
                "/api/negotiations/g-7/positions/p1/t2/history", "/api/negotiations/g-13/exchanges/x-13",
                "/api/negotiations/g-1/offer-gaps?topicId=t1",
                "/api/negotiations/g-1/offer-gaps?topicId=t1&asOf=2025-04-10"));
        StringBuilder all = new StringBuilder();
        for (String path : paths) {
            LedgerNode.Response answer = node.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            all.append("GET ").append(path).append('\n').append(answer.body()).append('\n');
        }
        return AuditAnswersAsBeforeTest.numbered(all.toString());
    }
}
