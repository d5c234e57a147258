package org.negotiationledger.api;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and a hot standby fed from it by streaming replication, made for a test
 * with the installed server's own programs: {@code initdb}, {@code pg_basebackup -R} and
 * {@code pg_ctl}, on free ports, in a folder of their own, run as the {@code postgres} user when
 * the tests run as root. Where the programs are missing the test is skipped with a message,
 * unless LEDGER_TEST_POSTGRES_REQUIRED=true (as in CI): then it fails.
 */
final class PostgresClusters implements AutoCloseable {

    private final Path bin;
    private final Path home;
    final int primaryPort;
    final int standbyPort;
    private boolean standbyRunning;

    private PostgresClusters(Path bin, Path home, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.home = home;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Makes and starts both: the primary, a base backup of it, the standby following it. */
    static PostgresClusters primaryAndStandby() {
        Path bin = serverPrograms();
        try {
            Path home = Files.createTempDirectory("ledger-replication-");
            PostgresClusters clusters = new PostgresClusters(bin, home, freePort(), freePort());
            if (asRoot()) {
                clusters.command(List.of("chown", "postgres", home.toString()));
            }
            clusters.make();
            return clusters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void make() {
        Path primary = home.resolve("primary");
        run(bin.resolve("initdb").toString(), "-D", primary.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        append(primary.resolve("postgresql.conf"), String.join("\n",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + home + "'",
                "wal_level = replica",
                "max_wal_senders = 4",
                "hot_standby = on",
                // A test cluster: speed over durability.
                "fsync = off", "synchronous_commit = off", "full_page_writes = off", ""));
        start(primary, primaryPort);
        Path standby = home.resolve("standby");
        run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort),
                "-U", "postgres", "-D", standby.toString(), "-R", "-X", "stream");
        startStandby();
    }

    private void start(Path data, int port) {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data + ".log", "-o", "-p " + port,
                "-w", "-t", "60", "start");
    }

    void startStandby() {
        start(home.resolve("standby"), standbyPort);
        standbyRunning = true;
    }

    void stopStandby() {
        run(bin.resolve("pg_ctl").toString(), "-D", home.resolve("standby").toString(), "-m", "fast", "-w", "stop");
        standbyRunning = false;
    }

    String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres";
    }

    /** The data-source settings of a ledger on the primary. */
    Map<String, Object> primary() {
        return Map.of("spring.datasource.url", primaryUrl(), "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    JdbcTemplate standbyJdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(standbyUrl(), "postgres", ""));
    }

    @Override
    public void close() {
        if (standbyRunning) {
            stopStandby();
        }
        run(bin.resolve("pg_ctl").toString(), "-D", home.resolve("primary").toString(), "-m", "immediate", "-w",
                "stop");
        asPostgres("rm", "-rf", home.toString());
    }

    /** The newest installed server's programs, e.g. /usr/lib/postgresql/15/bin. */
    private static Path serverPrograms() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        Path bin = versions == null ? null : Arrays.stream(versions)
                .map(version -> version.toPath().resolve("bin"))
                .filter(path -> Files.isExecutable(path.resolve("initdb")) && Files.isExecutable(path.resolve("pg_ctl"))
                        && Files.isExecutable(path.resolve("pg_basebackup")))
                .max(Comparator.comparing(path -> Integer.parseInt(path.getParent().getFileName().toString()
                        .replaceAll("\\D", "0")))).orElse(null);
        if (bin == null) {
            String why = "PostgreSQL's initdb, pg_ctl and pg_basebackup are not installed under /usr/lib/postgresql";
            if (Boolean.parseBoolean(System.getenv("LEDGER_TEST_POSTGRES_REQUIRED"))) {
                throw new AssertionError(why + "; they are required");
            }
            Assumptions.abort(why);
        }
        return bin;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a server program as the postgres user (the server refuses to run as root). */
    private void run(String... command) {
        asPostgres(command);
    }

    private void asPostgres(String... command) {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        command(line);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void command(List<String> line) {
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
