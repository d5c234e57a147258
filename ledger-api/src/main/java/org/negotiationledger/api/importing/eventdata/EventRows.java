package org.negotiationledger.api.importing.eventdata;

import org.negotiationledger.api.problems.LineReader;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.core.api.EventCoding.CodedActor;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the rows of an event-data file, plain, zipped (as GDELT ships it) or gzipped, a line at a
 * time: each row is handed on as an {@link EventRow} or as skipped, with the reason in words.
 */
final class EventRows {

    /** What the rows go to. */
    interface Sink {

        void row(EventRow row);

        void skipped(long line, String reason);
    }

    private static final Pattern CAMEO_CODE = Pattern.compile("[0-9]{2,4}");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    /** ICEWS's word for a field it has no value for. */
    private static final String ICEWS_NONE = "NA";
    private static final List<String> ICEWS_REQUIRED = List.of("Event ID", "Event Date", "Source Name",
            "Source Sectors", "Source Country", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
            "Target Country");

    private EventRows() {
    }

    /** Reads every row of {@code in} in {@code format}, within the default limits. */
    static void read(EventFormat format, InputStream in, Sink sink) throws IOException {
        read(format, in, UploadLimits.DEFAULTS, sink);
    }

    /**
     * Reads every row of {@code in} in {@code format}. A file that passes one of the {@code limits}
     * is refused as soon as it does, whatever was read before; one whose rows all have the wrong
     * number of columns is not of the dataset named, and refused too.
     */
    static void read(EventFormat format, InputStream in, UploadLimits limits, Sink sink) throws IOException {
        try {
            Lines lines = new Lines(LineReader.stoppingAtLongLines(UploadLimits.capped(uncompressed(in,
                    limits.archiveEntries()), limits.uncompressedBytes(), "the file uncompressed",
                    "ledger.event-data.max-uncompressed-size"), limits.lineBytes(), true), limits.lineBytes());
            switch (format) {
                case GDELT1, GDELT2 -> readGdelt(format, lines, sink);
                case ICEWS -> readIcews(lines, sink);
            }
        } catch (ZipException | EOFException damaged) {
            throw new ProblemException(ProblemType.UNREADABLE_EVENT_DATA, "the file is a damaged or cut-off .zip "
                    + "or .gz: it cannot be uncompressed").with("field", "file");
        }
    }

    /**
     * The file's text: unzipped or gunzipped when its first bytes say it is compressed; an archive
     * of more than {@code entries} files is refused.
     */
    static InputStream uncompressed(InputStream in, int entries) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(buffered, 1 << 16);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            return new ZipEntries(new ZipInputStream(buffered), entries);
        }
        return buffered;
    }

    /** The lines of the file: a row longer than the limit refuses the whole file, at once. */
    private static final class Lines {

        private final LineReader reader;
        private final int limit;
        private long number;

        Lines(LineReader reader, int limit) {
            this.reader = reader;
            this.limit = limit;
        }

        /** The next line's text (bytes that are not UTF-8 as U+FFFD, as a reader of text shows them), or null. */
        String next() throws IOException {
            LineReader.Line line = reader.next();
            if (line == null) {
                return null;
            }
            number++;
            if (line.problem() == LineReader.Problem.TOO_LONG) {
                throw UploadLimits.tooLarge("line " + number + " of the file is longer than the limit of " + limit
                        + " bytes", "ledger.event-data.max-line-size");
            }
            return line.text();
        }
    }

    private static void readGdelt(EventFormat format, Lines lines, Sink sink) throws IOException {
        Gdelt columns = format == EventFormat.GDELT1 ? Gdelt.ONE : Gdelt.TWO;
        eachRow(lines, 0, sink, width -> width == columns.count || width == columns.countWithoutUrl ? null
                : format.title() + " rows have " + columns.describe(), columns::row);
    }

    /** Reads a row's fields into an {@link EventRow}, or throws {@link BadField}. */
    private interface RowReader {
        EventRow read(long number, String[] fields);
    }

    /**
     * Hands on every line after the first {@code read}: blank lines passed over, a row whose width
     * {@code wrongWidth} finds fault with (naming what it should be), or with a field that cannot
     * be read, skipped with the reason.
     */
    private static void eachRow(Lines lines, long read, Sink sink, IntFunction<String> wrongWidth,
                                RowReader reader) throws IOException {
        long number = read;
        boolean ofTheDataset = false;
        String firstFault = null;
        for (String line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            String wrong = wrongWidth.apply(fields.length);
            if (wrong != null) {
                String fault = "has " + fields.length + " columns; " + wrong;
                firstFault = firstFault == null ? "row " + number + " " + fault : firstFault;
                sink.skipped(number, fault);
                continue;
            }
            ofTheDataset = true;
            try {
                sink.row(reader.read(number, fields));
            } catch (BadField bad) {
                sink.skipped(number, bad.getMessage());
            }
        }
        if (!ofTheDataset && firstFault != null) {
            throw new ProblemException(ProblemType.UNREADABLE_EVENT_DATA, "no row of the file has the columns of the "
                    + "dataset named (" + firstFault + "): is it a file of another dataset?").with("field", "file");
        }
    }

    private static void readIcews(Lines lines, Sink sink) throws IOException {
        String header = lines.next();
        if (header == null) {
            throw new ProblemException(ProblemType.UNREADABLE_EVENT_DATA,
                    "the ICEWS file is empty: it needs its header line").with("field", "file");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split("\t", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip(), i);
        }
        for (String required : ICEWS_REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new ProblemException(ProblemType.UNREADABLE_EVENT_DATA,
                        "the ICEWS file's header has no column '" + required + "'; ICEWS event files begin with "
                                + "a header naming " + String.join(", ", ICEWS_REQUIRED)).with("field", "file");
            }
        }
        eachRow(lines, 1, sink, width -> width == names.length ? null : "the header names " + names.length,
                (number, fields) -> icewsRow(number, fields, columns));
    }

    private static EventRow icewsRow(long number, String[] fields, Map<String, Integer> columns) {
        Icews row = name -> {
            Integer at = columns.get(name);
            String value = at == null ? null : fields[at].strip();
            return value == null || value.isEmpty() || value.equals(ICEWS_NONE) ? null : value;
        };
        CodedActor actor = icewsActor(row.get("Source Name"), row.get("Source Country"), row.get("Source Sectors"));
        CodedActor target = icewsActor(row.get("Target Name"), row.get("Target Country"), row.get("Target Sectors"));
        String place = String.join(", ", present(row.get("City"), row.get("Province"), row.get("Country")));
        String story = row.get("Story ID") == null ? null
                : row.get("Story ID") + (row.get("Sentence Number") == null ? "" : "/" + row.get("Sentence Number"));
        return new EventRow(number, required(row.get("Event ID"), "Event ID"),
                day(row.get("Event Date"), "Event Date", DateTimeFormatter.ISO_LOCAL_DATE),
                actor, target, code(row.get("CAMEO Code"), "CAMEO Code"), null,
                number(row.get("Intensity"), "Intensity"), null, 1, null, null, null, null,
                place.isEmpty() ? null : place, number(row.get("Latitude"), "Latitude"),
                number(row.get("Longitude"), "Longitude"), null, row.get("Publisher"), story);
    }

    private interface Icews {
        String get(String column);
    }

    private static CodedActor icewsActor(String name, String country, String sectors) {
        if (name == null && country == null) {
            return null;
        }
        return new CodedActor(null, name, country, sectors == null ? List.of()
                : Arrays.stream(sectors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * Where the GDELT columns are (0-based) in each edition: after AvgTone come the places of actor 1,
     * actor 2 and the action (2.0 adds an ADM2 code to each), then DATEADDED and SOURCEURL.
     */
    private enum Gdelt {
        ONE(58, 57, 50, 53, 54, 56, 57),
        TWO(61, -1, 52, 56, 57, 59, 60);

        final int count;
        final int countWithoutUrl;
        final int actionPlace;
        final int actionLatitude;
        final int actionLongitude;
        final int dateAdded;
        final int url;

        Gdelt(int count, int countWithoutUrl, int actionPlace, int actionLatitude, int actionLongitude,
              int dateAdded, int url) {
            this.count = count;
            this.countWithoutUrl = countWithoutUrl;
            this.actionPlace = actionPlace;
            this.actionLatitude = actionLatitude;
            this.actionLongitude = actionLongitude;
            this.dateAdded = dateAdded;
            this.url = url;
        }

        String describe() {
            return countWithoutUrl < 0 ? count + "" : countWithoutUrl + " or " + count;
        }

        /** The columns up to AvgTone are the same in both editions. */
        EventRow row(long number, String[] fields) {
            String added = blank(fields[dateAdded]);
            return new EventRow(number, required(blank(fields[0]), "GLOBALEVENTID"),
                    day(blank(fields[1]), "SQLDATE", BASIC), gdeltActor(fields, 5), gdeltActor(fields, 15),
                    code(blank(fields[26]), "EventCode"), integer(blank(fields[29]), "QuadClass"),
                    number(blank(fields[30]), "GoldsteinScale"), number(blank(fields[34]), "AvgTone"),
                    integer(blank(fields[31]), "NumMentions"), integer(blank(fields[32]), "NumSources"),
                    integer(blank(fields[33]), "NumArticles"), root(blank(fields[25])),
                    added == null || added.length() < 8 ? null : day(added.substring(0, 8), "DATEADDED", BASIC),
                    blank(fields[actionPlace]), number(blank(fields[actionLatitude]), "ActionGeo_Lat"),
                    number(blank(fields[actionLongitude]), "ActionGeo_Long"),
                    fields.length > url ? blank(fields[url]) : null, null, null);
        }
    }

    /**
     * Actor 1 from column 5, actor 2 from column 15: code, name, country, then the known-group,
     * ethnic and two religion codes at +3 to +6, the three type codes at +7 to +9.
     */
    private static CodedActor gdeltActor(String[] fields, int first) {
        String code = blank(fields[first]);
        String name = blank(fields[first + 1]);
        if (code == null && name == null) {
            return null;
        }
        return new CodedActor(code, name, blank(fields[first + 2]),
                present(Arrays.copyOfRange(fields, first + 7, first + 10)),
                present(Arrays.copyOfRange(fields, first + 3, first + 7)));
    }

    /** The values that are not empty, stripped. */
    private static List<String> present(String... values) {
        return Arrays.stream(values).filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String blank(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String required(String value, String column) {
        if (value == null) {
            throw new BadField(column + " is empty");
        }
        return value;
    }

    private static LocalDate day(String value, String column, DateTimeFormatter format) {
        try {
            return LocalDate.parse(required(value, column), format);
        } catch (DateTimeParseException e) {
            throw new BadField(column + " '" + value + "' is not a day");
        }
    }

    private static String code(String value, String column) {
        if (value == null || !CAMEO_CODE.matcher(value).matches()) {
            throw new BadField(column + " '" + (value == null ? "" : value) + "' is not a CAMEO code (2 to 4 digits)");
        }
        return value;
    }

    private static Boolean root(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new BadField("IsRootEvent '" + value + "' is neither 1 nor 0");
        };
    }

    private static BigDecimal number(String value, String column) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadField(column + " '" + value + "' is not a number");
        }
    }

    private static Integer integer(String value, String column) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadField(column + " '" + value + "' is not a whole number");
        }
    }

    /** A field that cannot be read: the row is skipped with this message. */
    private static final class BadField extends RuntimeException {

        BadField(String message) {
            super(message, null, false, false);
        }
    }

    /** The files of a zip archive one after the other, as one stream. */
    private static final class ZipEntries extends InputStream {

        private final ZipInputStream zip;
        private final int most;
        private int entries;
        private boolean open;

        ZipEntries(ZipInputStream zip, int most) {
            this.zip = zip;
            this.most = most;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                if (!open && !nextFile()) {
                    return -1;
                }
                int read = zip.read(buffer, offset, length);
                if (read >= 0) {
                    return read;
                }
                open = false;
            }
        }

        private boolean nextFile() throws IOException {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > most) {
                    throw UploadLimits.tooLarge("the archive holds more than " + most + " files",
                            "ledger.event-data.max-archive-entries");
                }
                if (!entry.isDirectory()) {
                    open = true;
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
