package org.negotiationledger.cli;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A multipart form of files, sent as a stream read from the files as it goes, counting what was sent. */
final class Form {

    private final String boundary = "ledger-cli-" + UUID.randomUUID();
    private final List<String> names = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    String boundary() {
        return boundary;
    }

    void file(String name, Path file) {
        names.add(name);
        files.add(file);
    }

    private byte[] head(int part) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + names.get(part) + "\"; filename=\""
                + files.get(part).getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tail() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The whole form's length in bytes. */
    long size() throws IOException {
        long size = tail().length;
        for (int part = 0; part < files.size(); part++) {
            size += head(part).length + Files.size(files.get(part)) + 2;
        }
        return size;
    }

    /** The form, read from the files as it is sent; {@code sent} counts the bytes read. */
    InputStream stream(AtomicLong sent) {
        List<InputStream> pieces = new ArrayList<>();
        try {
            for (int part = 0; part < files.size(); part++) {
                pieces.add(new ByteArrayInputStream(head(part)));
                pieces.add(Files.newInputStream(files.get(part)));
                pieces.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pieces.add(new ByteArrayInputStream(tail()));
        sent.set(0);
        return new FilterInputStream(new SequenceInputStream(Collections.enumeration(pieces))) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    sent.addAndGet(read);
                }
                return read;
            }
        };
    }
}
