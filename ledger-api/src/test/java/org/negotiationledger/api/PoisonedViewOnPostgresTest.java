package org.negotiationledger.api;

import java.util.Map;

class PoisonedViewOnPostgresTest extends PoisonedViewTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_poisoned_view_it");
    }
}
