package org.negotiationledger.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which ledger a command speaks to, and as whom: the options every command shares. */
final class LedgerOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private URI url;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "admin",
            description = "who speaks: a user with the role the command needs (default: ${DEFAULT-VALUE}); the "
                    + "password comes from LEDGER_PASSWORD, or is asked for on a terminal")
    private String user;

    /** Checked as the command line is read, so that a wrong address is a wrong command line. */
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "the ledger's address (default: ${DEFAULT-VALUE})")
    void url(String given) {
        try {
            URI address = new URI(given);
            if (address.getScheme() != null && Set.of("http", "https").contains(address.getScheme()
                    .toLowerCase(Locale.ROOT)) && address.getHost() != null && address.getQuery() == null
                    && address.getFragment() == null) {
                url = address;
                return;
            }
        } catch (URISyntaxException notAnAddress) {
            // told below
        }
        throw new ParameterException(command.commandLine(), "--url must be the ledger's address, like "
                + "http://localhost:8080, not '" + given + "'");
    }

    /**
     * The ledger, once it took the credentials.
     *
     * @throws ParameterException when there is no password
     * @throws LedgerRefusal      when the ledger refused the credentials
     */
    Ledger connect(Context context) throws IOException, InterruptedException {
        String password = context.environment().get("LEDGER_PASSWORD");
        if (password == null && System.console() != null) {
            char[] typed = System.console().readPassword("password for %s: ", user);
            password = typed == null ? null : new String(typed);
        }
        if (password == null) {
            throw new ParameterException(command.commandLine(), "set LEDGER_PASSWORD to the password of " + user);
        }
        return Ledger.connect(url.toString().replaceAll("/+$", ""), user, password);
    }
}
