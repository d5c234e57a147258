package org.negotiationledger.api.problems;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    /** Every line as its text, or its problem in brackets. */
    private static List<String> lines(InputStream in, int limit) throws IOException {
        LineReader reader = new LineReader(in, limit);
        List<String> lines = new ArrayList<>();
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line.text() != null ? line.text() : "[" + line.problem() + "]");
        }
        return lines;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream that hands out at most {@code most} bytes a read, as a network does. */
    private static InputStream trickle(String text, int most) {
        return new FilterInputStream(bytes(text)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, most));
            }
        };
    }

    @Test
    void linesEndAtALineFeedWithTheCarriageReturnBeforeItDropped() throws IOException {
        assertThat(lines(bytes("one\r\ntwo\n\nthree"), 100)).containsExactly("one", "two", "", "three");
        assertThat(lines(bytes("one\n"), 100)).containsExactly("one");
        assertThat(lines(bytes(""), 100)).isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedToItsEndAndTheNextIsRead() throws IOException {
        assertThat(lines(bytes("12345\n123456\nok\n"), 5)).containsExactly("12345", "[TOO_LONG]", "ok");
        assertThat(lines(bytes("x".repeat(200_000) + "\nafter"), 1000)).containsExactly("[TOO_LONG]", "after");
    }

    @Test
    void linesAcrossReadsAndLongerThanABlockComeWhole() throws IOException {
        String longLine = "é".repeat(50_000);
        String text = "first\n" + longLine + "\r\nlast";
        assertThat(lines(trickle(text, 7), 1_000_000)).containsExactly("first", longLine, "last");
        assertThat(lines(bytes(text), 1_000_000)).containsExactly("first", longLine, "last");
    }

    @Test
    void aLineThatIsNotUtf8IsNamedAndItsNeighboursAreRead() throws IOException {
        byte[] broken = {'a', '\n', (byte) 0xC3, '(', '\n', 'b'};
        assertThat(lines(new ByteArrayInputStream(broken), 100)).containsExactly("a", "[NOT_UTF8]", "b");
    }

    @Test
    void aReaderThatStopsAtALongLineReadsNoFurtherThanTheLimitAndABlock() throws IOException {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'a';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 'a');
                served[0] += length;
                return length;
            }
        };
        LineReader reader = LineReader.stoppingAtLongLines(endless, 1_000, false);
        assertThat(reader.next().problem()).isEqualTo(LineReader.Problem.TOO_LONG);
        assertThat(served[0]).as("bytes read of a line without end").isLessThanOrEqualTo(1_000 + 64 * 1024);
    }

    @Test
    void aReaderOfTextFromElsewhereShowsBytesThatAreNotUtf8AsReplacementCharacters() throws IOException {
        byte[] latin1 = "Bras\u00edlia\nok\n".getBytes(StandardCharsets.ISO_8859_1);
        LineReader lenient = LineReader.stoppingAtLongLines(new ByteArrayInputStream(latin1), 100, true);
        assertThat(lenient.next().text()).isEqualTo("Bras\uFFFDlia");
        assertThat(lenient.next().text()).isEqualTo("ok");
        LineReader strict = LineReader.stoppingAtLongLines(new ByteArrayInputStream(latin1), 100, false);
        assertThat(strict.next().problem()).isEqualTo(LineReader.Problem.NOT_UTF8);
    }
}
