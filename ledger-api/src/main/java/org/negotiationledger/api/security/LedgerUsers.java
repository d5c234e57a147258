package org.negotiationledger.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users the ledger knows, with hashed passwords. With no user configured at all, the ledger
 * makes an admin at its first start: it prints the password once and keeps only its hash, in
 * {@code admin-password.hash} under the data directory, for the starts after.
 */
final class LedgerUsers {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password.hash";

    private static final Logger log = LoggerFactory.getLogger(LedgerUsers.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private LedgerUsers() {
    }

    static List<UserDetails> load(LedgerSecurityProperties properties, PasswordEncoder encoder, Path dataDir) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, LedgerSecurityProperties.User> entry : properties.users().entrySet()) {
            String name = entry.getKey();
            LedgerSecurityProperties.User user = entry.getValue();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("user name '" + name + "' must be 1 to 100 letters, digits or . _ @ -");
            }
            if (user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("user '" + name + "' has no password");
            }
            users.add(user(name, hashed(user.password(), encoder), Role.parse(user.role(), name)));
        }
        String adminPassword = properties.adminPassword();
        if (adminPassword != null && !adminPassword.isBlank()) {
            users.removeIf(user -> user.getUsername().equals(ADMIN));
            users.add(user(ADMIN, hashed(adminPassword, encoder), Role.ADMIN));
        }
        if (users.isEmpty()) {
            users.add(user(ADMIN, generatedAdminHash(encoder, dataDir), Role.ADMIN));
        }
        return users;
    }

    /** A password already hashed ({id}hash) is kept; a plain one is hashed here and never kept. */
    private static String hashed(String password, PasswordEncoder encoder) {
        return password.startsWith("{") && password.indexOf('}') > 1 ? password : encoder.encode(password);
    }

    private static UserDetails user(String name, String hash, Role role) {
        return User.withUsername(name).password(hash).authorities(role.authority()).build();
    }

    private static String generatedAdminHash(PasswordEncoder encoder, Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String hash = encoder.encode(password);
            Files.createDirectories(dataDir);
            Files.writeString(file, hash + "\n", StandardCharsets.UTF_8);
            ownerOnly(file);
            log.warn("""

                    ==================================================================
                    No user is configured, so the ledger made one:
                        user: {}   password: {}
                    This password is shown this once. Its hash is kept in {}.
                    Set LEDGER_ADMIN_PASSWORD or ledger.security.users.* to choose your own.
                    ==================================================================""",
                    ADMIN, password, file.toAbsolutePath());
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated admin password under " + dataDir, e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // On a file system without POSIX permissions the file keeps the defaults.
        }
    }
}
