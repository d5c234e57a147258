package org.negotiationledger.cli;

import java.io.PrintStream;

/**
 * The one line of progress at the bottom of the terminal, redrawn in place: a shorter line is
 * padded over the longer one before it, and a message printed meanwhile gets a line of its own.
 * Where no bar is drawn (standard error is no terminal), only the messages are printed.
 */
final class ProgressLine {

    private final PrintStream terminal;
    private final boolean drawn;
    private int width;

    ProgressLine(PrintStream terminal) {
        this(terminal, true);
    }

    ProgressLine(PrintStream terminal, boolean drawn) {
        this.terminal = terminal;
        this.drawn = drawn;
    }

    /** Redraws the progress line. */
    synchronized void show(String line) {
        if (!drawn) {
            return;
        }
        width = Math.max(width, line.length());
        terminal.print("\r" + padded(line));
        terminal.flush();
    }

    /** A message above the progress line. */
    synchronized void print(String message) {
        terminal.println(drawn ? "\r" + padded(message) : message);
    }

    /** The last state of the progress, and a new line after it. */
    synchronized void finish(String line) {
        if (drawn) {
            show(line);
            terminal.println();
        }
    }

    private String padded(String text) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
