-- The overview view: one row per negotiation with its cast, its topics and its counts.

CREATE TABLE overview_negotiation (
    negotiation_id     VARCHAR(128)  NOT NULL PRIMARY KEY,
    title              VARCHAR(300)  NOT NULL,
    description        VARCHAR(20000),
    opened_on          DATE          NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    outcome            VARCHAR(16),
    closed_on          DATE,
    closing_summary    VARCHAR(20000),
    first_effective_on DATE,
    last_effective_on  DATE,
    event_count        BIGINT        NOT NULL,
    statement_count    BIGINT        NOT NULL,
    correction_count   BIGINT        NOT NULL,
    retraction_count   BIGINT        NOT NULL,
    meeting_count      BIGINT        NOT NULL,
    exchange_count     BIGINT        NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE overview_party (
    negotiation_id VARCHAR(128) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    name           VARCHAR(300) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    ordinal        BIGINT       NOT NULL,
    PRIMARY KEY (negotiation_id, party_id)
);

CREATE TABLE overview_delegate (
    negotiation_id VARCHAR(128) NOT NULL,
    delegate_id    VARCHAR(128) NOT NULL,
    name           VARCHAR(300) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    title          VARCHAR(300),
    ordinal        BIGINT       NOT NULL,
    PRIMARY KEY (negotiation_id, delegate_id)
);

CREATE TABLE overview_topic (
    negotiation_id VARCHAR(128) NOT NULL,
    topic_id       VARCHAR(128) NOT NULL,
    title          VARCHAR(300) NOT NULL,
    description    VARCHAR(20000),
    ordinal        BIGINT       NOT NULL,
    PRIMARY KEY (negotiation_id, topic_id)
);
