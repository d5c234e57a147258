-- The positions view: every version of every statement, with when the ledger came to know it
-- (known_from, the recording time) and when a correction or retraction replaced it (superseded_at).
-- Effective date and recording time together answer "on date K, what did we believe held on date E?".

CREATE TABLE positions_negotiation (
    negotiation_id VARCHAR(128) NOT NULL PRIMARY KEY,
    title          VARCHAR(300) NOT NULL
);

CREATE TABLE positions_party (
    negotiation_id VARCHAR(128) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    name           VARCHAR(300) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    ordinal        BIGINT       NOT NULL,
    PRIMARY KEY (negotiation_id, party_id)
);

CREATE TABLE positions_topic (
    negotiation_id VARCHAR(128) NOT NULL,
    topic_id       VARCHAR(128) NOT NULL,
    title          VARCHAR(300) NOT NULL,
    ordinal        BIGINT       NOT NULL,
    PRIMARY KEY (negotiation_id, topic_id)
);

CREATE TABLE positions_version (
    negotiation_id VARCHAR(128)  NOT NULL,
    statement_id   VARCHAR(128)  NOT NULL,
    revision       INT           NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    party_id       VARCHAR(128)  NOT NULL,
    topic_id       VARCHAR(128)  NOT NULL,
    delegate_id    VARCHAR(128),
    stance         VARCHAR(16)   NOT NULL,
    summary        VARCHAR(20000) NOT NULL,
    conditions     VARCHAR(20000),
    offer_value    VARCHAR(100),
    offer_unit     VARCHAR(40),
    effective_on   DATE          NOT NULL,
    source_json    VARCHAR(100000),
    note           VARCHAR(20000),
    reason         VARCHAR(20000),
    -- The negotiation's sequence number of the statement's first recording: among statements on
    -- the same effective date, the one recorded later is the party's position.
    recorded_seq   BIGINT        NOT NULL,
    event_seq      BIGINT        NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (negotiation_id, statement_id, revision)
);

-- A cell's versions in the order that decides it; a history reads one cell's in the same order.
CREATE INDEX positions_version_cell ON positions_version (negotiation_id, party_id, topic_id, effective_on, recorded_seq);
