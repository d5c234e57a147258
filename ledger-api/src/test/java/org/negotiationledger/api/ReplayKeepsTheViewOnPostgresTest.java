package org.negotiationledger.api;

import java.util.Map;

class ReplayKeepsTheViewOnPostgresTest extends ReplayKeepsTheViewTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_replay_keeps_it");
    }
}
