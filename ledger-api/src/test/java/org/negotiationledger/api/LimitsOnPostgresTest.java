package org.negotiationledger.api;

import java.util.Map;

class LimitsOnPostgresTest extends LimitsTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_limits_it");
    }
}
