package org.negotiationledger.api.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream one line at a time, never holding more than one line, and never more than
 * {@code limit} bytes of it: a longer line is skipped to its end and reported as too long. Lines
 * end at a line feed (a carriage return before it is dropped) and must be well-formed UTF-8.
 */
final class LineReader {

    /** One line: its text, or why it cannot be read. */
    record Line(String text, Problem problem) {
    }

    enum Problem { TOO_LONG, NOT_UTF8 }

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
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
            return new Line(null, Problem.TOO_LONG);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.toByteArray())).toString();
            return new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, null);
        } catch (CharacterCodingException e) {
            return new Line(null, Problem.NOT_UTF8);
        }
    }
}
