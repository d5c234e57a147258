-- The table of a view that only tests know, added to a ledger that already holds a history.
CREATE TABLE late_view_event (
    event_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    negotiation_id VARCHAR(128) NOT NULL,
    event_type     VARCHAR(64)  NOT NULL
);
