package org.negotiationledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;

/** Waits on the ledger's views through its admin listing. */
final class Views {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    static long head(LedgerClient client) throws Exception {
        return JSON.readTree(client.get("/api/admin/projections")).get("head").asLong();
    }

    /** Until every view has processed every stored event. */
    static void awaitCaughtUp(LedgerClient client, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode listing = JSON.readTree(client.get("/api/admin/projections"));
            boolean done = true;
            for (JsonNode view : listing.get("projections")) {
                done &= view.get("lag").asLong() == 0 && !view.get("replaying").asBoolean();
            }
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the views did not catch up within " + bound);
    }

    /** Until the view's last replay has reset it and it has caught up again. */
    static void awaitReplayed(LedgerClient client, String view, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(client.get("/api/admin/projections/" + view));
            JsonNode replay = status.get("replay");
            if (replay != null && !replay.isNull() && "FAILED".equals(replay.get("state").asText())) {
                throw new IllegalStateException("the replay failed: " + replay);
            }
            if (replay != null && !replay.isNull() && "DONE".equals(replay.get("state").asText())
                    && !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the replay of " + view + " did not finish within " + bound);
    }
}
