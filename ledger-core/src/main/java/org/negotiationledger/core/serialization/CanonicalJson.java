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
        StringBuilder out = new StringBuilder();
        write(READER.readTree(json), false, out);
        return out.toString();
    }

    /**
     * The canonical text of what a message says, as the ledger stores it, without the fields that
     * say nothing: null, an empty list or an empty map. A field added later and left empty leaves
     * the text of older messages as it was.
     */
    public static String ofContent(Object message) {
        StringBuilder out = new StringBuilder();
        write(LEDGER.valueToTree(message), true, out);
        return out.toString();
    }

    private static void write(JsonNode node, boolean contentOnly, StringBuilder out) {
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
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), contentOnly, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            for (boolean first = true; elements.hasNext(); first = false) {
                out.append(first ? "" : ",");
                write(elements.next(), contentOnly, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
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

    private static void string(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
