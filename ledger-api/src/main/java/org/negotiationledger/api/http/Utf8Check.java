package org.negotiationledger.api.http;

import java.io.IOException;

/**
 * Checks a stream of bytes, piece by piece, for well-formed UTF-8 (RFC 3629): no overlong forms,
 * no encoded surrogates, nothing above U+10FFFF, no sequence cut short at the end. The JSON
 * parser alone would read an overlong {@code C0 AF} as '/'.
 */
final class Utf8Check {

    /** Thrown at the first byte that is not part of well-formed UTF-8. */
    static final class InvalidUtf8Exception extends IOException {
        InvalidUtf8Exception(long offset) {
            super("the body is not valid UTF-8 (at byte " + offset + ")");
        }
    }

    private long offset;
    private int remaining;
    private int lower = 0x80;
    private int upper = 0xBF;

    void check(byte[] bytes, int from, int length) throws InvalidUtf8Exception {
        for (int i = from; i < from + length; i++) {
            check(bytes[i] & 0xFF);
        }
    }

    void check(int b) throws InvalidUtf8Exception {
        offset++;
        if (remaining > 0) {
            if (b < lower || b > upper) {
                throw new InvalidUtf8Exception(offset);
            }
            remaining--;
            lower = 0x80;
            upper = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            remaining = 2;
            lower = b == 0xE0 ? 0xA0 : 0x80;
            upper = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            remaining = 3;
            lower = b == 0xF0 ? 0x90 : 0x80;
            upper = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new InvalidUtf8Exception(offset);
        }
    }

    /** At the end of the stream: a sequence must not be left open. */
    void end() throws InvalidUtf8Exception {
        if (remaining > 0) {
            throw new InvalidUtf8Exception(offset);
        }
    }
}
