package org.negotiationledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ledger's command line. {@code import FILE} streams a JSON Lines file of commands to a
 * running ledger's /api/import and shows its progress by the lines the ledger has answered;
 * refused lines are printed as they come. {@code import-events FILE} sends a file of event data
 * (GDELT, ICEWS) with its mapping, showing the upload's progress, and prints the ledger's report;
 * {@code retract-events BATCH} takes such an import back out.
 */
public final class LedgerCli {

    static final String USAGE = """
            usage: java -jar ledger-cli.jar import FILE [--url URL] [--user USER] [--on-error stop|continue]
                   java -jar ledger-cli.jar import-events FILE --format gdelt1|gdelt2|icews --negotiation ID
                                            [--mapping MAPPING] [--dry-run] [--restore] [--url URL]
                                            [--user USER]
                   java -jar ledger-cli.jar retract-events BATCH --negotiation ID --reason TEXT
                                            [--url URL] [--user USER]
                   java -jar ledger-cli.jar export FILE [--url URL] [--user USER]
                   java -jar ledger-cli.jar restore FILE [--url URL] [--user USER]
                   java -jar ledger-cli.jar help
              import      records the commands of FILE in a running ledger, one line after the other
              import-events
                          records what MAPPING (JSON; the shipped one without it) makes of the rows of
                          event data in FILE (plain, .zip or .gz) in negotiation ID; --dry-run only
                          reports what it would record; --restore records a batch retracted whole
                          again, as a new batch (docs/event-data.md)
              retract-events
                          retracts every record of the event-data import BATCH, with the reason
              export      writes every event of the ledger to FILE (an admin's)
              restore     stores an export in an empty ledger, all of it or nothing (an admin's)
              FILE        JSON Lines, one command a line: {"path":"/api/negotiations/…","body":{…}}
              --url       the ledger, default http://localhost:8080
              --user      a user with the recorder or admin role, default admin; the password is read from
                          LEDGER_PASSWORD, or asked for
              --on-error  stop at the first refused line (default) or continue with the others
            exit status: 0 every line (or record) recorded or already there, 1 some refused, 2 the import
            could not be done (a wrong command line, an unreadable file, the ledger unreachable, the
            credentials refused, or an export, restore, import of event data or retraction refused)""";

    private static final Pattern FIELD =
            Pattern.compile("\"(line|accepted|repeated|refused|lines|stoppedAt|events|records|retracted|already)\""
                    + ":(\\d+)");
    private static final Pattern DETAIL = Pattern.compile("\"detail\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public LedgerCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new LedgerCli(System.out, System.err, System.getenv()).run(args));
    }

    /** Runs a command; answers the exit status: 0 all lines recorded or repeated, 1 some refused, 2 failed. */
    public int run(String... args) {
        if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])
                || Arrays.asList(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String password = environment.get("LEDGER_PASSWORD");
        if (password == null && System.console() != null) {
            char[] typed = System.console().readPassword("password for %s: ", options.user());
            password = typed == null ? null : new String(typed);
        }
        if (password == null) {
            err.println("set LEDGER_PASSWORD to the password of " + options.user());
            return 2;
        }
        try {
            return switch (options.command()) {
                case "export" -> export(options, password);
                case "restore" -> restore(options, password);
                case "import-events" -> importEvents(options, password);
                case "retract-events" -> retractEvents(options, password);
                default -> importFile(options, password);
            };
        } catch (ConnectException | HttpConnectTimeoutException e) {
            err.println("\ncannot reach the ledger at " + options.url());
            return 2;
        } catch (IOException e) {
            err.println("\nthe " + options.command() + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static String authorization(Options options, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((options.user() + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private int export(Options options, String password) throws IOException, InterruptedException {
        String authorization = authorization(options, password);
        HttpClient http = connect(options, authorization);
        if (http == null) {
            return 2;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/api/export"))
                .header("Authorization", authorization).GET().build();
        Path partial = options.file().resolveSibling(options.file().getFileName() + ".part");
        HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() != 200) {
            String answer = Files.readString(partial);
            Files.deleteIfExists(partial);
            err.println("the ledger refused the export (" + response.statusCode() + "): " + detail(answer));
            return 2;
        }
        if (!endsWithTrailer(partial)) {
            Files.deleteIfExists(partial);
            err.println("the export was cut short (it does not end with its trailer); export again");
            return 2;
        }
        Files.move(partial, options.file(), StandardCopyOption.REPLACE_EXISTING);
        out.println(countLines(options.file()) - 1 + " events exported to " + options.file());
        return 0;
    }

    private int restore(Options options, String password) throws IOException, InterruptedException {
        if (!Files.isReadable(options.file())) {
            err.println("cannot read " + options.file());
            return 2;
        }
        String authorization = authorization(options, password);
        HttpClient http = connect(options, authorization);
        if (http == null) {
            return 2;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/api/restore"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(options.file())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            err.println("the ledger refused the restore (" + response.statusCode() + "): " + detail(response.body()));
            return 2;
        }
        out.println(field(response.body(), "events") + " events restored from " + options.file()
                + "; every negotiation's hash chain verifies");
        return 0;
    }

    private int importFile(Options options, String password) throws IOException, InterruptedException {
        Path file = options.file();
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return 2;
        }
        long total = countLines(file);
        String authorization = authorization(options, password);
        HttpClient http = connect(options, authorization);
        if (http == null) {
            return 2;
        }
        AtomicLong answered = new AtomicLong();
        long started = System.nanoTime();
        ProgressLine progress = new ProgressLine(err);
        ScheduledExecutorService ticker = every250Ms(() -> progress.show(Progress.line(answered.get(), total,
                Duration.ofNanos(System.nanoTime() - started))));
        String summary = null;
        int refused = 0;
        try {
            URI importer = URI.create(options.url() + "/api/import?report=all&onError=" + options.onError());
            HttpRequest request = HttpRequest.newBuilder(importer)
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                err.println("\nthe ledger answered " + response.statusCode() + ": "
                        + String.join("\n", response.body().toList()));
                return 2;
            }
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.startsWith("{\"summary\"")) {
                    summary = line;
                } else if (!line.isBlank()) {
                    answered.incrementAndGet();
                    if (line.contains("\"status\":\"REFUSED\"")) {
                        refused++;
                        progress.print("line " + field(line, "line") + " refused: " + detail(line));
                    }
                }
            }
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        }
        progress.finish(Progress.line(answered.get(), total, Duration.ofNanos(System.nanoTime() - started)));
        if (summary == null) {
            err.println("the ledger ended the answer without a summary");
            return 2;
        }
        out.println(field(summary, "lines") + " lines: " + field(summary, "accepted") + " recorded, "
                + field(summary, "repeated") + " already there, " + field(summary, "refused") + " refused"
                + (summary.contains("\"stoppedAt\":null") ? "" : "; stopped at line " + field(summary, "stoppedAt")));
        return refused == 0 ? 0 : 1;
    }

    private int importEvents(Options options, String password) throws IOException, InterruptedException {
        Path file = options.file();
        for (Path readable : options.mapping() == null ? List.of(file) : List.of(file, options.mapping())) {
            if (!Files.isReadable(readable)) {
                err.println("cannot read " + readable);
                return 2;
            }
        }
        String authorization = authorization(options, password);
        HttpClient http = connect(options, authorization);
        if (http == null) {
            return 2;
        }
        Form form = new Form();
        form.file("file", file);
        if (options.mapping() != null) {
            form.file("mapping", options.mapping());
        }
        long total = form.size();
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        ProgressLine progress = new ProgressLine(err);
        ScheduledExecutorService ticker = every250Ms(() -> progress.show(sent.get() < total
                ? Progress.bytes(sent.get(), total, Duration.ofNanos(System.nanoTime() - started))
                : "sent; the ledger is reading and recording the rows …"));
        HttpResponse<String> response;
        try {
            URI target = URI.create(options.url() + "/api/negotiations/" + options.negotiation()
                    + "/event-data?dataset=" + options.format() + "&dryRun=" + options.dryRun()
                    + "&restore=" + options.restore());
            HttpRequest request = HttpRequest.newBuilder(target)
                    .header("Content-Type", "multipart/form-data; boundary=" + form.boundary())
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> form.stream(sent)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        }
        progress.finish(Progress.bytes(total, total, Duration.ofNanos(System.nanoTime() - started)));
        if (response.statusCode() != 200) {
            err.println("the ledger refused the import (" + response.statusCode() + "): " + detail(response.body()));
            return 2;
        }
        out.println(Json.indented(response.body()));
        return response.body().contains("\"refused\":[{") ? 1 : 0;
    }

    private int retractEvents(Options options, String password) throws IOException, InterruptedException {
        String authorization = authorization(options, password);
        HttpClient http = connect(options, authorization);
        if (http == null) {
            return 2;
        }
        String batch = options.file().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/api/negotiations/"
                        + options.negotiation() + "/event-data/batches/" + batch + "/retraction"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":" + Json.quoted(options.reason()) + "}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            err.println("the ledger refused the retraction (" + response.statusCode() + "): "
                    + detail(response.body()));
            return 2;
        }
        out.println("batch " + batch + ": " + field(response.body(), "records") + " records, "
                + field(response.body(), "retracted") + " retracted now, " + field(response.body(), "already")
                + " retracted before");
        return response.body().contains("\"refused\":[{") ? 1 : 0;
    }

    /** Runs {@code redraw} every quarter of a second on a thread of its own, until shut down. */
    private static ScheduledExecutorService every250Ms(Runnable redraw) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(redraw, 0, 250, TimeUnit.MILLISECONDS);
        return ticker;
    }

    /** Whether an export's last line is its trailer, which the ledger writes once every event is written. */
    private static boolean endsWithTrailer(Path file) throws IOException {
        try (RandomAccessFile export = new RandomAccessFile(file.toFile(), "r")) {
            long end = export.length();
            long start = Math.max(0, end - (1 << 20));
            byte[] tail = new byte[(int) (end - start)];
            export.seek(start);
            export.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8).strip();
            return text.substring(text.lastIndexOf('\n') + 1).startsWith("{\"trailer\":");
        }
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        boolean content = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (buffer[i] != '\r' && buffer[i] != ' ') {
                        content = true;
                    }
                }
            }
        }
        return lines + (content ? 1 : 0);
    }

    /** A client for the ledger once it took the credentials; null when it did not (the user was told why). */
    private HttpClient connect(Options options, String authorization) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String refusal = checkCredentials(http, options, authorization);
        if (refusal != null) {
            err.println(refusal);
            return null;
        }
        return http;
    }

    /**
     * Asks the ledger one cheap question with the credentials before the file goes out: a wrong
     * password is told at once, not after the whole file was sent. Answers what to tell the user,
     * or null when the ledger took them.
     */
    private static String checkCredentials(HttpClient http, Options options, String authorization)
            throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(options.url() + "/api/negotiations?asOf=0001-01-01"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build();
        int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        return switch (status) {
            case 200 -> null;
            case 401 -> "the ledger at " + options.url() + " does not know user '" + options.user()
                    + "' with that password";
            case 403 -> "user '" + options.user() + "' may not read the ledger at " + options.url();
            case 429 -> "the ledger at " + options.url() + " refuses logins from here for a while: too many failed";
            default -> "the ledger at " + options.url() + " answered " + status + " to a first question; is it "
                    + "the ledger?";
        };
    }

    private static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return "?";
    }

    private static String detail(String json) {
        Matcher matcher = DETAIL.matcher(json);
        return matcher.find() ? matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : json;
    }

    /**
     * What the command line asked for. {@code file} is the command's argument: a file, or for
     * retract-events the batch's id.
     */
    record Options(String command, Path file, String url, String user, String onError, String format,
                   String negotiation, Path mapping, boolean dryRun, boolean restore, String reason) {

        private static final List<String> COMMANDS = List.of("import", "export", "restore", "import-events",
                "retract-events");

        static Options parse(String... args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("no command given");
            }
            if (!COMMANDS.contains(args[0])) {
                throw new IllegalArgumentException("unknown command: " + args[0]);
            }
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new IllegalArgumentException(args[0] + (args[0].equals("retract-events") ? " needs a BATCH"
                        : " needs a FILE"));
            }
            Path file = Path.of(args[1]);
            String url = "http://localhost:8080";
            String user = "admin";
            String onError = "stop";
            String format = null;
            String negotiation = null;
            Path mapping = null;
            boolean dryRun = false;
            boolean restore = false;
            String reason = null;
            for (int i = 2; i < args.length; i += 2) {
                if (args[i].equals("--dry-run") || args[i].equals("--restore")) {
                    dryRun |= args[i].equals("--dry-run");
                    restore |= args[i].equals("--restore");
                    i--;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--url" -> url = args[i + 1].replaceAll("/+$", "");
                    case "--user" -> user = args[i + 1];
                    case "--on-error" -> onError = args[i + 1];
                    case "--format" -> format = args[i + 1];
                    case "--negotiation" -> negotiation = args[i + 1];
                    case "--mapping" -> mapping = Path.of(args[i + 1]);
                    case "--reason" -> reason = args[i + 1];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!onError.equals("stop") && !onError.equals("continue")) {
                throw new IllegalArgumentException("--on-error must be stop or continue");
            }
            boolean events = args[0].endsWith("-events");
            if (events && (negotiation == null || !negotiation.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}"))) {
                throw new IllegalArgumentException(args[0] + " needs --negotiation and the negotiation's id");
            }
            if (args[0].equals("import-events") && (format == null || !List.of("gdelt1", "gdelt2", "icews")
                    .contains(format))) {
                throw new IllegalArgumentException("import-events needs --format gdelt1, gdelt2 or icews");
            }
            if (args[0].equals("retract-events") && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("retract-events needs --reason, the reason in words");
            }
            if (args[0].equals("retract-events") && !args[1].matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
                throw new IllegalArgumentException("'" + args[1] + "' is not a batch id (ed-…, from the import's "
                        + "report)");
            }
            return new Options(args[0], file, url, user, onError, format, negotiation, mapping, dryRun, restore,
                    reason);
        }
    }
}
