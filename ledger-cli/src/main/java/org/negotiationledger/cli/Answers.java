package org.negotiationledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The ledger's JSON answers, read with Jackson and laid out for people. */
final class Answers {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PEOPLE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Answers() {
    }

    /** The answer as JSON; a missing node when it is none (an answer from something that is not the ledger). */
    static JsonNode read(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** What a refusal says: its problem's detail, or the start of the answer when it is no problem. */
    static String detail(String body) {
        JsonNode detail = read(body).path("detail");
        if (detail.isTextual()) {
            return detail.textValue();
        }
        String text = body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The answer indented, two spaces a level, for a person to read. */
    static String indented(String body) throws JsonProcessingException {
        return JSON.writer(PEOPLE).writeValueAsString(JSON.readTree(body));
    }

    /** The ledger refused {@code what}: the status and its detail. */
    static LedgerRefusal refused(String what, int status, String body) {
        return new LedgerRefusal("the ledger refused the " + what + " (" + status + "): " + detail(body));
    }
}
