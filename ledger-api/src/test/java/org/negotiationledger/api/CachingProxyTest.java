package org.negotiationledger.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's answers through a real caching proxy, Varnish, set as docs/scaling.md shows (each
 * user's credentials keep their own copies): an answer pinned to a past knownAt is served from
 * the cache without asking the ledger again; an answer about the present is revalidated, the
 * ledger answering the proxy's conditional request 304 until a new event changes it.
 */
class CachingProxyTest {

    private static final String POSITIONS = "/api/negotiations/{negotiationId}/positions";

    private static TestClock clock;
    private static LedgerNode ledger;
    private static Varnish varnish;
    private static LedgerNode proxy;

    @BeforeAll
    static void start() {
        Map<String, Object> settings = new HashMap<>(TestDatabase.freshSchema("ledger_caching_it"));
        settings.put("ledger.http.shared-caches", "true");
        clock = new TestClock("2026-01-01T00:00:00Z");
        ledger = LedgerNode.start(settings, clock);
        Istanbul.recordOn(ledger);
        clock.set("2026-01-01T01:00:00Z");
        varnish = Varnish.before(ledger.port());
        proxy = LedgerNode.at("http://127.0.0.1:" + varnish.port);
    }

    @AfterAll
    static void stop() {
        if (varnish != null) {
            varnish.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void anAnswerPinnedToThePastIsServedFromTheCache() {
        String pinned = Istanbul.N + "/positions?knownAt=2026-01-01T00:30:00Z";
        long asked = answered("200");
        LedgerNode.Response first = proxy.get(pinned);
        LedgerNode.Response second = proxy.get(pinned);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("max-age=31536000", "immutable", "public");
        assertThat(first.header("ETag")).startsWith("\"");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(answered("200") - asked).as("answers the ledger gave").isEqualTo(1);

        LedgerNode.Response unchanged = ledger.get(pinned, "If-None-Match", first.header("ETag"));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void anAnswerAboutThePresentIsRevalidatedAndChangesWithTheView() {
        String present = Istanbul.N + "/positions";
        LedgerNode.Response first = proxy.get(present);
        assertThat(first.header("Cache-Control")).contains("no-cache");
        assertThat(first.header("ETag")).startsWith("W/\"");

        long asked = answered("200");
        long revalidated = answered("304");
        LedgerNode.Response second = proxy.get(present);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(answered("304") - revalidated).as("the proxy's conditional requests the ledger answered 304")
                .isEqualTo(1);
        assertThat(answered("200") - asked).isZero();

        LedgerNode.Response recorded = ledger.post(Istanbul.N + "/statements", """
                {"id":"after-the-cache","partyId":"ru","delegateId":"medinsky","topicId":"ceasefire",
                 "stance":"OPPOSES","summary":"Said after the answer was cached","effectiveOn":"2025-06-27"}""");
        assertThat(recorded.status()).isEqualTo(201);
        ledger.awaitViews();
        LedgerNode.Response third = proxy.get(present);
        assertThat(third.body()).contains("after-the-cache");
        assertThat(third.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void anAnswerAboutTheRecentPastIsNotYetFixed() {
        LedgerNode.Response recent = proxy.get(Istanbul.N + "/positions?knownAt=2026-01-01T00:59:30Z");
        assertThat(recent.status()).isEqualTo(200);
        assertThat(recent.header("Cache-Control")).contains("no-cache").doesNotContain("immutable");
    }

    /** How many answers of the positions view with this status the ledger has given. */
    private static long answered(String status) {
        Timer timer = ledger.context().getBean(MeterRegistry.class).find("http.server.requests")
                .tag("uri", POSITIONS).tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    /** Varnish in front of the ledger, with the settings of docs/scaling.md. */
    static final class Varnish implements AutoCloseable {

        final int port;
        private final Process process;
        private final Path home;

        private Varnish(int port, Process process, Path home) {
            this.port = port;
            this.process = process;
            this.home = home;
        }

        static Varnish before(int ledgerPort) {
            if (!Files.isExecutable(Path.of("/usr/sbin/varnishd"))) {
                String why = "Varnish (Debian's varnish, /usr/sbin/varnishd) is not installed";
                if (Boolean.parseBoolean(System.getenv("LEDGER_TEST_POSTGRES_REQUIRED"))) {
                    throw new AssertionError(why + "; CI installs it");
                }
                Assumptions.abort(why);
            }
            try {
                // Varnish reads its settings as its own user.
                Path home = Files.createTempDirectory("ledger-varnish-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                String vcl = Files.readString(Path.of("../docs/varnish/ledger.vcl"))
                        .replace("ledger:8080", "127.0.0.1:" + ledgerPort);
                Path file = home.resolve("ledger.vcl");
                Files.writeString(file, vcl);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                Process process = new ProcessBuilder("/usr/sbin/varnishd", "-F", "-f", file.toString(),
                        "-a", "127.0.0.1:" + port, "-n", home.resolve("work").toString(), "-s", "malloc,32m")
                        .redirectErrorStream(true).redirectOutput(home.resolve("varnish.log").toFile()).start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try (Socket ignored = new Socket("127.0.0.1", port)) {
                        return new Varnish(port, process, home);
                    } catch (IOException notYet) {
                        if (System.nanoTime() > deadline || !process.isAlive()) {
                            throw new IllegalStateException("Varnish did not start: "
                                    + Files.readString(home.resolve("varnish.log")));
                        }
                        Thread.sleep(100);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
