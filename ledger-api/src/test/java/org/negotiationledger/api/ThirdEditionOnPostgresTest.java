package org.negotiationledger.api;

import java.util.Map;

/** The third edition on PostgreSQL. */
class ThirdEditionOnPostgresTest extends ThirdEditionOverHttpTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_third_edition_it");
    }
}
