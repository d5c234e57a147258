package org.negotiationledger.api.importing.eventdata;

import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How much one upload of event data may hold, checked while it is read, before anything is kept
 * of it: its bytes once uncompressed, one line, the files of an archive, and the mapping. Each is a
 * setting ({@code ledger.event-data.*}); the defaults take the public GDELT and ICEWS files whole
 * (a GDELT 1.0 day or a year of ICEWS is a few hundred MB uncompressed, rows a few hundred bytes).
 *
 * @param uncompressedBytes the file's bytes after unzipping or gunzipping
 * @param lineBytes         one row's bytes
 * @param archiveEntries    the files in one .zip
 * @param mappingBytes      the mapping's bytes
 */
record UploadLimits(long uncompressedBytes, int lineBytes, int archiveEntries, int mappingBytes) {

    /** The defaults, as {@code application.properties} sets them. */
    static final UploadLimits DEFAULTS = new UploadLimits(4L << 30, 64 << 10, 1_000, 4 << 20);

    /** {@code in}, refused with 413 as soon as more than {@code limit} bytes came out of it. */
    static InputStream capped(InputStream in, long limit, String what, String setting) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > limit) {
                    throw tooLarge(what + " is larger than the limit of " + limit + " bytes", setting);
                }
            }
        };
    }

    /** A refusal of an upload that passes a limit, naming the setting that raises it. */
    static ProblemException tooLarge(String detail, String setting) {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, detail + "; nothing was imported (the limit is the "
                + "setting " + setting + ")").with("field", "file");
    }
}
