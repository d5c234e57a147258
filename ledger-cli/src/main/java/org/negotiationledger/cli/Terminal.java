package org.negotiationledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that a progress bar redrawn in place belongs there. */
final class Terminal {

    private Terminal() {
    }

    static boolean isStandardError() {
        Path standardError = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(standardError)) {
            // Linux names the device behind each descriptor: a terminal is a tty or a pseudo-terminal.
            try {
                String device = Files.readSymbolicLink(standardError).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
            } catch (IOException unreadable) {
                return false;
            }
        }
        // Elsewhere Java tells only whether standard input and output are a terminal.
        return System.console() != null;
    }
}
