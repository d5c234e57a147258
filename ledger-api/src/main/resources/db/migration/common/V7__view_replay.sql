-- Replays of views, shared by every node: a node that sees a newer generation in state STOPPING
-- stops its processor for that view; once the state is RUNNING (or FAILED) it starts it again.

CREATE TABLE view_replay (
    processor_name VARCHAR(255) NOT NULL PRIMARY KEY,
    generation     BIGINT       NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    requested_by   VARCHAR(300),
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reset_at       TIMESTAMP WITH TIME ZONE,
    error          VARCHAR(2000)
);
