package org.negotiationledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The ledger's command line, on picocli: {@code import} streams a JSON Lines file of commands to
 * a running ledger, {@code import-events} sends event data (GDELT, ICEWS) with its mapping,
 * {@code retract-events} takes such an import back out, {@code export} and {@code restore} move a
 * whole ledger. Every command has {@code --help}; errors are one line on standard error; the exit
 * status tells a refusal of some lines from a command that could not be done and from a wrong
 * command line.
 */
@Command(name = "ledger-cli", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
        synopsisSubcommandLabel = "COMMAND", subcommands = CommandLine.HelpCommand.class,
        description = "Speaks to a running Negotiation Ledger over HTTP. The password of --user is read from "
                + "LEDGER_PASSWORD, or asked for on a terminal.")
public final class LedgerCli implements Runnable {

    /** Every line or record was recorded or was there already; or help or the version was shown. */
    public static final int DONE = 0;
    /** Some lines or records were refused; the others were recorded. */
    public static final int SOME_REFUSED = 1;
    /** The command could not be done: the ledger unreachable or refusing it, a file unreadable or in the way. */
    public static final int NOT_DONE = 2;
    /** The command line is wrong (sysexits' EX_USAGE). */
    public static final int USAGE = 64;

    private static final Map<String, String> EXIT_CODES = exitCodes();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public LedgerCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new LedgerCli(System.out, System.err, System.getenv()).run(args));
    }

    /** Runs a command line; answers its exit status ({@link #DONE}, {@link #SOME_REFUSED}, …). */
    public int run(String... args) {
        Context context = new Context(out, err, environment, err == System.err && Terminal.isStandardError());
        CommandLine line = new CommandLine(this)
                .addSubcommand(new ImportCommand(context))
                .addSubcommand(new ImportEventsCommand(context))
                .addSubcommand(new RetractEventsCommand(context))
                .addSubcommand(new ExportCommand(context))
                .addSubcommand(new RestoreCommand(context));
        for (CommandLine command : line.getSubcommands().values()) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_CODES);
        }
        line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_CODES);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((wrong, arguments) -> {
            CommandSpec spec = wrong.getCommandLine().getCommandSpec();
            err.println(spec.qualifiedName() + ": " + wrong.getMessage() + " (see " + spec.qualifiedName()
                    + " --help)");
            return USAGE;
        });
        line.setExecutionExceptionHandler((failure, command, parsed) -> {
            String name = command.getCommandSpec().qualifiedName();
            if (failure instanceof IllegalArgumentException wrongValue) {
                // A value the options took that the command cannot use (an id that is none, a blank reason).
                err.println(name + ": " + wrongValue.getMessage() + " (see " + name + " --help)");
                return USAGE;
            }
            err.println(name + ": " + why(failure));
            return NOT_DONE;
        });
        return line.execute(args);
    }

    /** Without a command: the command is missing. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "no command given");
    }

    /** What went wrong, in one line for the user; never a stack trace. */
    private static String why(Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        if (cause instanceof IOException io) {
            return Failures.why(io);
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + DONE, "done: every line or record recorded or already there");
        codes.put(" " + SOME_REFUSED, "some lines or records refused, the others recorded");
        codes.put(" " + NOT_DONE, "not done: the ledger unreachable, the credentials refused, the ledger refused "
                + "the command, or a file unreadable or in the way");
        codes.put(String.valueOf(USAGE), "a wrong command line");
        return codes;
    }

    /** The version the build wrote into ledger-cli.properties. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = LedgerCli.class.getResourceAsStream("/ledger-cli.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[]{"ledger-cli " + properties.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
