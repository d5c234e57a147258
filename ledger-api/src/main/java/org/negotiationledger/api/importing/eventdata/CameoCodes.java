package org.negotiationledger.api.importing.eventdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CAMEO event codes of the codebook and their names, for the records' words. */
final class CameoCodes {

    private static final Map<String, String> NAMES = load();

    private CameoCodes() {
    }

    /** Every code of the codebook, with its name, in the codebook's order. */
    static Map<String, String> all() {
        return NAMES;
    }

    /** The code's name; for a code outside the codebook, its nearest listed parent's, else the code. */
    static String name(String code) {
        for (String known = code; !known.isEmpty(); known = known.substring(0, known.length() - 1)) {
            String name = NAMES.get(known);
            if (name != null) {
                return name;
            }
        }
        return "CAMEO " + code;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                CameoCodes.class.getResourceAsStream("cameo-codes.tsv"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] fields = line.split("\t", 2);
                    names.put(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the CAMEO codebook shipped with the ledger cannot be read", e);
        }
        return Collections.unmodifiableMap(names);
    }
}
