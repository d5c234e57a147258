package org.negotiationledger.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command writes and what it reads from its surroundings.
 *
 * @param terminal whether standard error is a terminal, where a progress bar may be drawn
 */
record Context(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal) {
}
