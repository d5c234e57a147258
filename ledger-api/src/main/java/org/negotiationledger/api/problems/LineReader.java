package org.negotiationledger.api.problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream one line at a time, never holding more than one line, and never more than
 * {@code limit} bytes of it: a longer line is skipped to its end and reported as too long. Lines
 * end at a line feed (a carriage return before it is dropped) and must be well-formed UTF-8.
 * It reads the stream in blocks of its own and looks for the line feeds in them: a byte at a time
 * through a synchronized stream cost a tenth of an import's time.
 */
public final class LineReader {

    /** One line: its text, or why it cannot be read. */
    public record Line(String text, Problem problem) {
    }

    public enum Problem { TOO_LONG, NOT_UTF8 }

    private static final int BLOCK = 64 * 1024;

    private final InputStream in;
    private final int limit;
    private final byte[] block = new byte[BLOCK];
    /** The unread part of the block: from {@code start} to {@code end}. */
    private int start;
    private int end;
    private byte[] line = new byte[1024];
    private int length;
    private final CharsetDecoder utf8;

    private final boolean skipLongLines;

    /** A reader that skips a line longer than {@code limit} to its end, and goes on after it. */
    public LineReader(InputStream in, int limit) {
        this(in, limit, true, CodingErrorAction.REPORT);
    }

    private LineReader(InputStream in, int limit, boolean skipLongLines, CodingErrorAction malformed) {
        this.in = in;
        this.limit = limit;
        this.skipLongLines = skipLongLines;
        this.utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(malformed)
                .onUnmappableCharacter(malformed);
    }

    /**
     * A reader that reads no further once a line is longer than {@code limit}: it answers
     * {@link Problem#TOO_LONG} at once, for a reader that refuses the whole stream then.
     *
     * @param replaceMalformed whether bytes that are not UTF-8 become U+FFFD (text from elsewhere,
     *                         such as event data) rather than make the line {@link Problem#NOT_UTF8}
     */
    public static LineReader stoppingAtLongLines(InputStream in, int limit, boolean replaceMalformed) {
        return new LineReader(in, limit, false, replaceMalformed ? CodingErrorAction.REPLACE
                : CodingErrorAction.REPORT);
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        length = 0;
        boolean tooLong = false;
        boolean ended = false;
        while (!ended) {
            if (start == end && !fill()) {
                if (length == 0 && !tooLong) {
                    return null;
                }
                break;
            }
            int feed = start;
            while (feed < end && block[feed] != '\n') {
                feed++;
            }
            tooLong |= !keep(feed - start);
            if (tooLong && !skipLongLines) {
                return new Line(null, Problem.TOO_LONG);
            }
            ended = feed < end;
            start = ended ? feed + 1 : feed;
        }
        if (tooLong) {
            return new Line(null, Problem.TOO_LONG);
        }
        int size = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        try {
            return new Line(utf8.decode(ByteBuffer.wrap(line, 0, size)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(null, Problem.NOT_UTF8);
        }
    }

    /** Adds {@code count} bytes from the block's start to the line, as far as the limit allows. */
    private boolean keep(int count) {
        int kept = Math.min(count, limit - length);
        if (length + kept > line.length) {
            line = Arrays.copyOf(line, Math.max(length + kept, Math.min(limit, line.length * 2)));
        }
        System.arraycopy(block, start, line, length, kept);
        length += kept;
        return kept == count;
    }

    private boolean fill() throws IOException {
        int read = in.read(block, 0, BLOCK);
        start = 0;
        end = Math.max(read, 0);
        return read > 0;
    }
}
