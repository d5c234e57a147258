-- The table of a view that only tests know, added to a ledger that already holds a history.
CREATE TABLE late_view_event (
    global_position BIGINT      NOT NULL PRIMARY KEY,
    event_type      VARCHAR(64) NOT NULL
);
