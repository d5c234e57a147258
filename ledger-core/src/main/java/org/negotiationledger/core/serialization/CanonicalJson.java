package org.negotiationledger.core.serialization;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One text for one JSON value, whatever its key order or whitespace: object keys sorted, no
 * spaces, numbers without trailing zeros or exponent, strings escaped the same way every time.
 */
public final class CanonicalJson {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private static final ObjectMapper LEDGER = LedgerSerialization.objectMapper();

    private CanonicalJson() {
    }

    /** The canonical text of a JSON document, every field kept; throws IOException when it is not JSON. */
    public static String of(byte[] json) throws IOException {
        return ofTree(tree(json));
    }

    /** A JSON document read with its numbers exact (no rounding through double); IOException when it is not JSON. */
    public static JsonNode tree(byte[] json) throws IOException {
        JsonNode tree = READER.readTree(json);
        if (tree == null) {
            throw new IOException("no JSON value");
        }
        return tree;
    }

    /** The canonical text of a JSON value read by {@link #tree}, every field kept. */
    public static String ofTree(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, false, CanonicalJson::string, out);
        return out.toString();
    }

    /**
     * The text of a JSON value by the JSON Canonicalization Scheme (RFC 8785): object members
     * sorted by their names' UTF-16 code units, no whitespace, strings with only the escapes RFC
     * 8785 prescribes, with one difference: a number is written as its exact decimal value, in
     * plain notation without trailing zeros (RFC 8785 rounds it to a double and may use an
     * exponent). For the numbers events hold both agree, except for more than 15 significant
     * digits or magnitudes below 10^-6. docs/integrity.md states the form for other implementers.
     */
    public static String rfc8785(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, false, CanonicalJson::rfc8785String, out);
        return out.toString();
    }

    /** A string as RFC 8785 (and ECMAScript's JSON.stringify) writes it. */
    private static void rfc8785String(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The canonical text of what a message says, as the ledger stores it, without the fields that
     * say nothing: null, an empty list or an empty map. A field added later and left empty leaves
     * the text of older messages as it was.
     */
    public static String ofContent(Object message) {
        StringBuilder out = new StringBuilder();
        write(LEDGER.valueToTree(message), true, CanonicalJson::string, out);
        return out.toString();
    }

    private static void write(JsonNode node, boolean contentOnly, BiConsumer<String, StringBuilder> string,
                              StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(name -> {
                if (!contentOnly || saysSomething(node.get(name))) {
                    names.add(name);
                }
            });
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string.accept(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), contentOnly, string, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            for (boolean first = true; elements.hasNext(); first = false) {
                out.append(first ? "" : ",");
                write(elements.next(), contentOnly, string, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string.accept(node.textValue(), out);
        } else if (node.isNumber()) {
            BigDecimal number = node.decimalValue().stripTrailingZeros();
            out.append(number.signum() == 0 ? "0" : number.toPlainString());
        } else {
            out.append(node.asText()); // true, false, null
        }
    }

    private static boolean saysSomething(JsonNode value) {
        return !value.isNull() && !(value.isContainerNode() && value.isEmpty());
    }

    /** A string as Jackson quotes it: RFC 8785's escapes, but upper-case hexadecimal digits in \\u escapes. */
    private static void string(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
