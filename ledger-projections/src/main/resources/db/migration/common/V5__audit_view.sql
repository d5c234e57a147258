-- The audit view: every event in the order the store holds them, with who recorded it and why.

CREATE TABLE audit_event (
    global_position BIGINT        NOT NULL PRIMARY KEY,
    negotiation_id  VARCHAR(128)  NOT NULL,
    sequence_number BIGINT        NOT NULL,
    event_id        VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(64)   NOT NULL,
    revision        VARCHAR(16),
    effective_on    DATE,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     VARCHAR(300),
    correlation_id  VARCHAR(300),
    payload_json    VARCHAR(1000000) NOT NULL
);

CREATE INDEX audit_event_negotiation ON audit_event (negotiation_id, global_position);

-- The parties each event concerns, for filtering by party.
CREATE TABLE audit_party (
    party_id        VARCHAR(128) NOT NULL,
    negotiation_id  VARCHAR(128) NOT NULL,
    global_position BIGINT       NOT NULL,
    PRIMARY KEY (negotiation_id, party_id, global_position)
);
