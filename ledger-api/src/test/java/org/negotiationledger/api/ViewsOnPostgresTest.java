package org.negotiationledger.api;

import java.util.Map;

class ViewsOnPostgresTest extends ViewsOverHttpTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_views_it");
    }
}
