package org.negotiationledger.api;

import java.util.Map;

class SecondEditionOnPostgresTest extends SecondEditionOverHttpTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_second_edition_it");
    }
}
