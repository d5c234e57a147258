package org.negotiationledger.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The ledger under measurement: one started here as users run it (its jar, on the run's
 * PostgreSQL schema, with access control and the hash chain on), or one already running.
 */
final class Ledger implements AutoCloseable {

    private static final String PASSWORD = "bench-password";
    static final String HEAP = "512m";
    /** The kernel's unit of CPU time in /proc (USER_HZ), 100 on Linux. */
    private static final int CLOCK_TICKS = 100;

    private final String url;
    private final String user;
    private final String password;
    private final Process process;

    private Ledger(String url, String user, String password, Process process) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.process = process;
    }

    static Ledger running(Options options) {
        if (options.password() == null) {
            throw new IllegalArgumentException("--password is needed with --url");
        }
        return new Ledger(options.url(), options.user(), options.password(), null);
    }

    static Ledger start(Options options, Database database) throws IOException, InterruptedException {
        Path jar = Path.of(options.ledgerJar());
        if (!Files.isReadable(jar)) {
            throw new IllegalStateException("no ledger at " + jar + ": build it first (./mvnw package -DskipTests)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("ledger-bench-", ".log");
        // A fixed heap, as a deployment would give it, so that memory figures say what the ledger keeps.
        ProcessBuilder builder = new ProcessBuilder(List.of(javaCommand(), "-Xmx" + HEAP, "-jar", jar.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + database.schemaUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.flyway.schemas=" + Database.SCHEMA, "--spring.flyway.default-schema=" + Database.SCHEMA,
                "--ledger.security.admin-password=" + PASSWORD,
                "--ledger.data-dir=" + Files.createTempDirectory("ledger-bench-data")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Ledger ledger = new Ledger("http://127.0.0.1:" + port, "admin", PASSWORD, builder.start());
        ledger.awaitHealth(Duration.ofSeconds(120), log);
        return ledger;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitHealth(Duration bound, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the ledger stopped at start; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the ledger did not start within " + bound.toSeconds() + " s; see " + log);
    }

    LedgerApi client() {
        return new LedgerApi(url, user, password);
    }

    /** The peak resident memory of a ledger started here, in KiB; -1 for one running elsewhere. */
    long peakRssKib() {
        return status("VmHWM:");
    }

    /** The resident memory of a ledger started here now, in KiB; -1 for one running elsewhere. */
    long rssKib() {
        return status("VmRSS:");
    }

    /** The CPU time a ledger started here has used (user and system), in seconds; -1 for one running elsewhere. */
    double cpuSeconds() {
        if (process == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The fields after the command's name, which is in parentheses: utime and stime are the 12th and 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /**
     * The heap a ledger started here holds once collected (jcmd GC.run, then its own metric of
     * the heap in use), in bytes; -1 for one running elsewhere.
     */
    long heapAfterCollection(LedgerApi client) throws IOException, InterruptedException {
        if (process == null) {
            return -1;
        }
        Process collect = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        collect.getInputStream().readAllBytes();
        collect.waitFor();
        return (long) client.metrics().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private long status(String field) {
        if (process == null) {
            return -1;
        }
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(-1L);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
