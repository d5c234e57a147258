package org.negotiationledger.api.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream one line at a time, never holding more than one line, and never more than
 * {@code limit} bytes of it: a longer line is skipped to its end and reported as too long.
 */
final class LineReader {

    /** What {@link #next()} answers for a line over the limit. */
    static final String TOO_LONG = "\u0000too long";

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its line break, {@link #TOO_LONG}, or null at the end of the stream. */
    String next() throws IOException {
        line.reset();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() < limit) {
                line.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1 && line.size() == 0 && !tooLong) {
            return null;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
