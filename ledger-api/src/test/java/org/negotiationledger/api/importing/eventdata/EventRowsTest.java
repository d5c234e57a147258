package org.negotiationledger.api.importing.eventdata;

import org.junit.jupiter.api.Test;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.core.api.EventCoding.CodedActor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three readers on the public samples, plain and compressed, and on rows they cannot read. */
class EventRowsTest {

    static final String GDELT1 = "/eventdata/gdelt1_20160728_sample_events.tsv";
    static final String ICEWS = "/eventdata/icews_events.2018.sample.tab";

    /** What a reader made of a file: the rows, and the skipped lines with their reasons. */
    record Read(List<EventRow> rows, Map<Long, String> skipped) implements EventRows.Sink {

        Read() {
            this(new ArrayList<>(), new LinkedHashMap<>());
        }

        @Override
        public void row(EventRow row) {
            rows.add(row);
        }

        @Override
        public void skipped(long line, String reason) {
            skipped.put(line, reason);
        }

        EventRow withId(String eventId) {
            return rows.stream().filter(row -> row.eventId().equals(eventId)).findFirst().orElseThrow();
        }
    }

    static byte[] sample(String name) {
        try (InputStream in = EventRowsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(EventFormat format, byte[] file) {
        Read read = new Read();
        try {
            EventRows.read(format, new ByteArrayInputStream(file), read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    private static long lines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).count();
    }

    @Test
    void everyRowOfTheGdeltOneSampleIsReadWithItsCodesAsText() {
        byte[] file = sample(GDELT1);
        Read read = read(EventFormat.GDELT1, file);
        assertThat(read.skipped()).isEmpty();
        assertThat(read.rows()).hasSize((int) lines(file)).hasSize(710);
        EventRow praise = read.withId("564157307");
        assertThat(praise.day()).isEqualTo(LocalDate.parse("2016-07-28"));
        assertThat(praise.actor()).isEqualTo(new CodedActor("USA", "UNITED STATES", "USA", List.of()));
        assertThat(praise.target()).isEqualTo(new CodedActor("RUS", "RUSSIA", "RUS", List.of()));
        assertThat(praise.code()).isEqualTo("051");
        assertThat(praise.quadClass()).isEqualTo(1);
        assertThat(praise.goldstein()).isEqualByComparingTo("3.4");
        assertThat(praise.tone()).isEqualByComparingTo("-3.95216950780569");
        assertThat(List.of(praise.mentions(), praise.sources(), praise.articles())).containsExactly(5, 4, 5);
        assertThat(praise.addedOn()).isEqualTo(LocalDate.parse("2016-07-28"));
        assertThat(praise.place()).isEqualTo("Russia");
        assertThat(praise.latitude()).isEqualByComparingTo("60");
        assertThat(praise.longitude()).isEqualByComparingTo("100");
        assertThat(praise.url()).startsWith("http://www.santacruzsentinel.com/government-and-politics/");
        // A row of the back file has 57 columns: no SOURCEURL.
        EventRow sinai = read.withId("1553219");
        assertThat(sinai.code()).isEqualTo("0353");
        assertThat(sinai.url()).isNull();
        assertThat(sinai.addedOn()).isEqualTo(LocalDate.parse("2013-02-03"));
        assertThat(read.withId("1554521").actor().sectors()).containsExactly("GOV");
        assertThat(read.rows()).extracting(EventRow::code).allMatch(code -> code.matches("[0-9]{2,4}"))
                .anyMatch(code -> code.startsWith("0"));
    }

    @Test
    void gdeltTwoRowsHaveSixtyOneColumnsAndATimeOfAdding() {
        byte[] file = gdeltTwoFromGdeltOne(sample(GDELT1));
        Read read = read(EventFormat.GDELT2, file);
        assertThat(read.skipped()).isEmpty();
        assertThat(read.rows()).hasSize((int) lines(file)).hasSize(509);
        EventRow praise = read.withId("564157307");
        assertThat(praise.code()).isEqualTo("051");
        assertThat(praise.addedOn()).isEqualTo(LocalDate.parse("2016-07-28"));
        assertThat(praise.place()).isEqualTo("Russia");
        assertThat(praise.latitude()).isEqualByComparingTo("60");
        assertThat(praise.url()).startsWith("http://www.santacruzsentinel.com/");
        assertThat(praise.goldstein()).isEqualByComparingTo(new BigDecimal("3.4"));
        // A GDELT 1.0 file read as GDELT 2.0 is refused whole: no row has the dataset's columns.
        assertThatThrownBy(() -> read(EventFormat.GDELT2, sample(GDELT1))).isInstanceOf(ProblemException.class)
                .hasMessage("no row of the file has the columns of the dataset named (row 1 has 58 columns; "
                        + "GDELT 2.0 rows have 61): is it a file of another dataset?");
    }

    @Test
    void everyRowOfTheIcewsSampleIsReadByItsHeader() {
        byte[] file = sample(ICEWS);
        Read read = read(EventFormat.ICEWS, file);
        assertThat(read.skipped()).isEmpty();
        assertThat(read.rows()).hasSize((int) lines(file) - 1).hasSize(3705);
        EventRow intent = read.withId("32887184");
        assertThat(intent.line()).isGreaterThan(1);
        assertThat(intent.day()).isEqualTo(LocalDate.parse("2018-06-01"));
        assertThat(intent.actor()).isEqualTo(new CodedActor(null, "Russia", "Russian Federation", List.of()));
        assertThat(intent.target()).isEqualTo(new CodedActor(null, "Ukraine", "Ukraine", List.of()));
        assertThat(intent.code()).isEqualTo("036");
        assertThat(intent.goldstein()).isEqualByComparingTo("4");
        assertThat(intent.publisher()).isEqualTo("Agence France-Presse");
        assertThat(intent.story()).isEqualTo("47403467/1");
        assertThat(intent.place()).isEqualTo("Berlin, Land Berlin, Germany");
        assertThat(List.of(intent.latitude(), intent.longitude()))
                .containsExactly(new BigDecimal("52.5244"), new BigDecimal("13.4105"));
        assertThat(intent.mentions()).isEqualTo(1);
        assertThat(intent.quadClass()).isNull();
        assertThat(read.withId("32890683").actor().sectors())
                .containsExactly("Government", "Police", "National / Border Divisions");
    }

    @Test
    void zippedAndGzippedFilesReadAsThePlainOnes() throws IOException {
        byte[] plain = sample(ICEWS);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("20180601.export.CSV"));
            zip.write(plain);
            zip.closeEntry();
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(plain);
        }
        List<EventRow> rows = read(EventFormat.ICEWS, plain).rows();
        assertThat(read(EventFormat.ICEWS, zipped.toByteArray()).rows()).isEqualTo(rows);
        assertThat(read(EventFormat.ICEWS, gzipped.toByteArray()).rows()).isEqualTo(rows);
        byte[] cut = Arrays.copyOf(gzipped.toByteArray(), gzipped.size() / 2);
        assertThatThrownBy(() -> read(EventFormat.ICEWS, cut)).isInstanceOf(ProblemException.class)
                .hasMessage("the file is a damaged or cut-off .zip or .gz: it cannot be uncompressed");
    }

    @Test
    void rowsThatCannotBeReadAreSkippedWithTheReason() {
        String[] good = new String(sample(GDELT1), StandardCharsets.UTF_8).lines().findFirst().orElseThrow()
                .split("\t", -1);
        String badDay = String.join("\t", with(good, 1, "2016-07-28"));
        String badCode = String.join("\t", with(good, 26, "5.1"));
        String badNumber = String.join("\t", with(good, 30, "high"));
        Read read = read(EventFormat.GDELT1, (String.join("\t", good) + "\n" + badDay + "\n\n" + badCode + "\n"
                + badNumber + "\nonly\ttwo\n").getBytes(StandardCharsets.UTF_8));
        assertThat(read.rows()).hasSize(1);
        assertThat(read.skipped()).containsExactly(
                Map.entry(2L, "SQLDATE '2016-07-28' is not a day"),
                Map.entry(4L, "EventCode '5.1' is not a CAMEO code (2 to 4 digits)"),
                Map.entry(5L, "GoldsteinScale 'high' is not a number"),
                Map.entry(6L, "has 2 columns; GDELT 1.0 rows have 57 or 58"));
    }

    @Test
    void anIcewsFileWithoutItsHeaderIsRefusedWhole() {
        String firstRow = new String(sample(ICEWS), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
        assertThatThrownBy(() -> read(EventFormat.ICEWS, (firstRow + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("the ICEWS file's header has no column 'Event ID'");
    }

    private static String[] with(String[] fields, int column, String value) {
        String[] changed = fields.clone();
        changed[column] = value;
        return changed;
    }

    /**
     * GDELT 2.0 rows made from the GDELT 1.0 ones that have a SOURCEURL: each of the three places gains
     * an ADM2 code after its ADM1 code, and DATEADDED gains a time of day.
     */
    static byte[] gdeltTwoFromGdeltOne(byte[] gdeltOne) {
        String rows = new String(gdeltOne, StandardCharsets.UTF_8).lines()
                .map(line -> line.split("\t", -1))
                .filter(fields -> fields.length == 58)
                .map(fields -> {
                    List<String> two = new ArrayList<>(Arrays.asList(fields));
                    two.add(49 + 4, "");
                    two.add(42 + 4, "");
                    two.add(35 + 4, "");
                    two.set(59, fields[56] + "153000");
                    return String.join("\t", two);
                })
                .collect(Collectors.joining("\n", "", "\n"));
        return rows.getBytes(StandardCharsets.UTF_8);
    }
}
