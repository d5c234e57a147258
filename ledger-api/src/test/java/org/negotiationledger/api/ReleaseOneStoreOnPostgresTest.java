package org.negotiationledger.api;

import java.util.Map;

class ReleaseOneStoreOnPostgresTest extends ReleaseOneStoreTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_release_one_it");
    }
}
