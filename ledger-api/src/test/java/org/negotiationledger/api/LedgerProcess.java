package org.negotiationledger.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ledger in a JVM of its own, so that a test can kill it as {@code kill -9} does: no shutdown
 * hook, no flush, no goodbye. It runs the test's class path; its output goes to a file.
 */
final class LedgerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private LedgerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a ledger on the port with the properties (and the test users), and waits until it answers. */
    static LedgerProcess start(Map<String, Object> properties, int port, Path log) {
        return start(properties, port, log, "512m");
    }

    /** Starts a ledger as {@link #start(Map, int, Path)} does, with a heap of at most {@code heap} (as -Xmx takes it). */
    static LedgerProcess start(Map<String, Object> properties, int port, Path log, String heap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--server.port=" + port));
        LedgerNode.withTestUsers(properties).forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The developer's own settings (the README's walkthrough exports LEDGER_ADMIN_PASSWORD, and
            // SPRING_DATASOURCE_URL to run on PostgreSQL) are not the test's.
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_")
                    || name.startsWith("LEDGER_") && !name.startsWith("LEDGER_TEST_"));
            Process process = builder.start();
            LedgerProcess ledger = new LedgerProcess(process, port);
            ledger.awaitUp();
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LedgerNode node() {
        return LedgerNode.at("http://127.0.0.1:" + port);
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the ledger process ended with " + process.exitValue());
            }
            try {
                if (node().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ledger process did not come up in 90 s");
            }
            sleep(200);
        }
    }

    /** Kills the process at once (SIGKILL), as kill -9 does. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
