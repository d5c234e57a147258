package org.negotiationledger.api.problems;

/** Text a client chose, made safe for one line of the log: no line breaks or other controls. */
public final class LogText {

    private static final int LONGEST = 200;

    private LogText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < LONGEST; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return text.length() > LONGEST ? safe + "…" : safe.toString();
    }
}
