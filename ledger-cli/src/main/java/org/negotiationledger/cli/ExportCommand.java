package org.negotiationledger.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** Writes every event of the ledger to a file, only once the whole export, trailer and all, came in. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes every event of the ledger, as stored, to FILE, then a trailer that says what the "
                + "whole export holds (an admin's). docs/integrity.md says how anyone can check it.")
final class ExportCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(paramLabel = "FILE", description = "where the export goes (JSON Lines)")
    private Path file;

    @Option(names = "--force", description = "overwrite FILE when it exists")
    private boolean force;

    @Mixin
    private LedgerOptions ledgerOptions;

    ExportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (Files.exists(file) && !force) {
            throw new IOException(file + " exists already; give --force to overwrite it");
        }
        Ledger ledger = ledgerOptions.connect(context);
        Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try {
            HttpResponse<Path> response = ledger.send(ledger.request("/api/export").GET(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw Answers.refused("export", response.statusCode(), Files.readString(partial));
            }
            if (!endsWithTrailer(partial)) {
                throw new IOException("the export was cut short (it does not end with its trailer); export again");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        context.out().println(ImportCommand.countLines(file) - 1 + " events exported to " + file);
        return LedgerCli.DONE;
    }

    /** Whether an export's last line is its trailer, which the ledger writes once every event is written. */
    private static boolean endsWithTrailer(Path file) throws IOException {
        try (RandomAccessFile export = new RandomAccessFile(file.toFile(), "r")) {
            long end = export.length();
            long start = Math.max(0, end - (1 << 20));
            byte[] tail = new byte[(int) (end - start)];
            export.seek(start);
            export.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8).strip();
            return text.substring(text.lastIndexOf('\n') + 1).startsWith("{\"trailer\":");
        }
    }
}
