package org.negotiationledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Negotiation Ledger: command side, views and HTTP in one application. */
@SpringBootApplication(scanBasePackages = "org.negotiationledger")
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
