package org.negotiationledger.bench;

import org.negotiationledger.client.model.ReplayState;
import org.negotiationledger.client.model.ViewStatus;

import java.time.Duration;

/** Waits on the ledger's views through its admin listing. */
final class Views {

    private Views() {
    }

    static long head(LedgerApi client) throws Exception {
        return client.admin.projections().getHead();
    }

    /** Until every view has processed every stored event. */
    static void awaitCaughtUp(LedgerApi client, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (ViewStatus view : client.admin.projections().getProjections()) {
                done &= view.getLag() == 0 && !view.getReplaying();
            }
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the views did not catch up within " + bound);
    }

    /** Until the view's last replay has reset it and it has caught up again. */
    static void awaitReplayed(LedgerApi client, String view, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            ViewStatus status = client.admin.projection(view);
            ReplayState replay = status.getReplay();
            if (replay != null && "FAILED".equals(replay.getState())) {
                throw new IllegalStateException("the replay failed: " + replay);
            }
            if (replay != null && "DONE".equals(replay.getState()) && !status.getReplaying()
                    && status.getLag() == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the replay of " + view + " did not finish within " + bound);
    }
}
