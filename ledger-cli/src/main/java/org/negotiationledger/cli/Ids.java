package org.negotiationledger.cli;

import java.util.regex.Pattern;

/** The ids the command line puts into a path: checked first, so that no text can change the path. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Ids() {
    }

    static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is no id: 1 to 128 letters, digits, '.', '_', ':' or "
                    + "'-', starting with a letter or digit");
        }
        return id;
    }
}
