package org.negotiationledger.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a run: each printed as {@code name value unit} when measured, the ratios last as
 * {@code ratio name value}, and all of them written as JSON under bench-results/.
 */
final class Report {

    private record Figure(String name, double value, String unit) {
    }

    private final PrintStream out;
    private final List<Figure> figures = new ArrayList<>();
    private final List<Figure> ratios = new ArrayList<>();

    Report(PrintStream out) {
        this.out = out;
    }

    void figure(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit));
        out.println(name + " " + format(value) + " " + unit);
    }

    void ratio(String name, double value) {
        ratios.add(new Figure(name, value, ""));
    }

    /** Prints the ratios and writes everything to {@code directory}; answers the file written. */
    Path finish(Path directory, String run, boolean quick) throws IOException {
        for (Figure ratio : ratios) {
            out.println("ratio " + ratio.name() + " " + format(ratio.value()));
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(run + "-" + Instant.now().toString().replace(':', '-') + ".json");
        StringBuilder json = new StringBuilder("{\"run\":\"" + run + "\",\"quick\":" + quick + ",\"machine\":\""
                + Machine.describe().replace("\"", "'") + "\",\"figures\":[");
        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(figure.name()).append("\",\"value\":")
                    .append(format(figure.value())).append(",\"unit\":\"").append(figure.unit()).append("\"}");
        }
        json.append("],\"ratios\":{");
        for (int i = 0; i < ratios.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(ratios.get(i).name()).append("\":")
                    .append(format(ratios.get(i).value()));
        }
        json.append("}}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
