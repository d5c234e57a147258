package org.negotiationledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Who may use the ledger. Users come from properties or the environment, e.g.
 * {@code LEDGER_SECURITY_USERS_ANNA_PASSWORD} and {@code LEDGER_SECURITY_USERS_ANNA_ROLE=recorder}.
 *
 * @param users         by name: the password (a hash such as {@code {bcrypt}$2a$10$…}, or plain text,
 *                      which is hashed at start) and the role (reader, recorder or admin)
 * @param adminPassword the password of the user {@code admin} ({@code LEDGER_ADMIN_PASSWORD})
 * @param failedLogins  how many failed logins a client may make in a window before it must wait
 */
@ConfigurationProperties("ledger.security")
record LedgerSecurityProperties(Map<String, User> users, String adminPassword,
                                @DefaultValue FailedLogins failedLogins) {

    LedgerSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    record User(String password, String role) {
    }

    record FailedLogins(@DefaultValue("10") int max, @DefaultValue("PT1M") Duration window) {
    }
}
