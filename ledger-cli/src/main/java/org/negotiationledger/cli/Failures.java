package org.negotiationledger.cli;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file or the network failed, in the user's words rather than an exception's class. */
final class Failures {

    private Failures() {
    }

    static String why(IOException failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "there is no " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists already";
        }
        if (failure instanceof NotDirectoryException notAFolder) {
            return notAFolder.getFile() + " is not a folder";
        }
        if (failure instanceof FileSystemException file) {
            return (file.getReason() == null ? "cannot use" : file.getReason()) + ": " + file.getFile();
        }
        if (failure instanceof HttpTimeoutException) {
            return "the ledger did not answer in time";
        }
        return failure.getMessage() == null ? "an input or output failed (" + failure.getClass().getSimpleName() + ")"
                : failure.getMessage();
    }
}
