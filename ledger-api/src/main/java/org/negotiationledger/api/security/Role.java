package org.negotiationledger.api.security;

import java.util.Arrays;
import java.util.Locale;

/** What a user may do; each role may do what the one before it may. */
enum Role {
    /** Every GET: the views, the audit trail, verification, the admin listing, the API description. */
    READER,
    /** A reader who also records: every command, and imports. */
    RECORDER,
    /** A recorder who also administers: replays of views. */
    ADMIN;

    static Role parse(String name, String user) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("user '" + user + "' has the role '" + name + "'; the roles are "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    String authority() {
        return "ROLE_" + name();
    }
}
