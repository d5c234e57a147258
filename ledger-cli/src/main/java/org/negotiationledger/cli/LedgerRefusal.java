package org.negotiationledger.cli;

import java.io.IOException;

/** The ledger said no to what the command asked, or to who asked; the message says why in the user's words. */
final class LedgerRefusal extends IOException {

    LedgerRefusal(String message) {
        super(message);
    }
}
