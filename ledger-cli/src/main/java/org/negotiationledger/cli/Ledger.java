package org.negotiationledger.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A running ledger that took the command line's credentials: requests to it, signed in. */
final class Ledger {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String user;
    private final String authorization;

    private Ledger(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asks the ledger one cheap question with the credentials before any file goes out, so that a
     * wrong password is told at once, not after the whole file was sent.
     */
    static Ledger connect(String url, String user, String password) throws IOException, InterruptedException {
        Ledger ledger = new Ledger(url, user, password);
        HttpResponse<Void> probe = ledger.send(ledger.request("/api/negotiations?asOf=0001-01-01")
                .timeout(Duration.ofSeconds(30)).GET(), HttpResponse.BodyHandlers.discarding());
        switch (probe.statusCode()) {
            case 200 -> {
                return ledger;
            }
            case 401 -> throw new LedgerRefusal("the ledger at " + url + " does not know user '" + user
                    + "' with that password");
            case 403 -> throw new LedgerRefusal("user '" + user + "' may not read the ledger at " + url);
            case 429 -> throw new LedgerRefusal("the ledger at " + url + " refuses logins from here for a while: "
                    + "too many failed");
            default -> throw new LedgerRefusal("the ledger at " + url + " answered " + probe.statusCode()
                    + " to a first question; is it the ledger?");
        }
    }

    /** A request to the ledger's {@code path} (with its query), signed in. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization);
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return http.send(request.build(), body);
        } catch (ConnectException | HttpConnectTimeoutException unreachable) {
            throw new IOException("cannot reach the ledger at " + url, unreachable);
        }
    }

    String user() {
        return user;
    }
}
