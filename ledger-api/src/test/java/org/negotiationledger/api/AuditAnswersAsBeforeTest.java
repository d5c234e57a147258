package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail answers byte for byte as recorded in {@code answers/audit-as-of-issue-28.txt}:
 * the example's history, recorded on a fixed clock, every page and filter of the trail. First
 * recorded by the release before issue 26, which kept a copy of every payload where this one
 * reads them from the event store; recorded again with issue 28, which stores statements and
 * outcomes in new revisions (a list of sources), and topics, delegates and meetings too (their
 * days, a meeting's times and format, all null here); with those changes left out, the
 * recordings held the same answers. Event identifiers and request ids, new in every run, are numbered in
 * the order they first appear; {@code -Dledger.answers.record=<file>} writes this run's answers.
 */
class AuditAnswersAsBeforeTest {

    private static final String N = Istanbul.N;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final List<String> PAGES = List.of(N + "/audit?limit=1000", "/api/audit?limit=1000",
            N + "/audit?limit=7", N + "/audit?party=tr",
            N + "/audit?type=StatementRecorded,StatementCorrected", N + "/audit?effectiveFrom=2025-06-02",
            N + "/audit?recordedFrom=2025-05-16T08:00:00Z&recordedBefore=2026-01-01T00:00:00Z");

    @Test
    void everyPageOfTheTrailIsAsTheReleaseBeforeGaveIt(@TempDir Path dataDir) throws IOException {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()),
                new TestClock("2025-06-30T12:00:00Z"))) {
            String answers = answers(node);
            String record = System.getProperty("ledger.answers.record");
            if (record != null) {
                Files.writeString(Path.of(record), answers);
            }
            assertThat(answers).isEqualTo(recorded());
        }
    }

    /** Every page, each after a line naming it, with identifiers numbered. */
    static String answers(LedgerNode node) {
        Istanbul.recordOn(node);
        StringBuilder all = new StringBuilder();
        for (String page : PAGES) {
            LedgerNode.Response answer = node.get(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            all.append("GET ").append(page).append('\n').append(answer.body()).append('\n');
        }
        return numbered(all.toString());
    }

    /** {@code text} with every UUID replaced by "id-" and the order in which it first appears. */
    static String numbered(String text) {
        Map<String, String> numbers = new LinkedHashMap<>();
        Matcher id = UUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (id.find()) {
            id.appendReplacement(out, numbers.computeIfAbsent(id.group(), seen -> "id-" + (numbers.size() + 1)));
        }
        id.appendTail(out);
        return out.toString();
    }

    private static String recorded() throws IOException {
        return recorded("audit-as-of-issue-28.txt");
    }

    /** The answers recorded in {@code answers/<file>} on the test class path. */
    static String recorded(String file) throws IOException {
        try (InputStream in = AuditAnswersAsBeforeTest.class.getResourceAsStream("/answers/" + file)) {
            assertThat(in).as("the recorded answers").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
