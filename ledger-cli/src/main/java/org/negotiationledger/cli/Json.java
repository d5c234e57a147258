package org.negotiationledger.cli;

/** Just enough JSON for the command line: a text quoted, and an answer laid out for people to read. */
final class Json {

    private Json() {
    }

    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** The JSON text with each member on a line of its own, indented by depth; empty lists and objects stay whole. */
    static String indented(String json) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inText = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inText) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inText = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inText = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char closing = c == '{' ? '}' : ']';
                    if (i + 1 < json.length() && json.charAt(i + 1) == closing) {
                        out.append(c).append(closing);
                        i++;
                    } else {
                        depth++;
                        out.append(c).append('\n').append("  ".repeat(depth));
                    }
                }
                case '}', ']' -> {
                    depth--;
                    out.append('\n').append("  ".repeat(depth)).append(c);
                }
                case ',' -> out.append(",\n").append("  ".repeat(depth));
                case ':' -> out.append(": ");
                default -> {
                    if (!Character.isWhitespace(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
