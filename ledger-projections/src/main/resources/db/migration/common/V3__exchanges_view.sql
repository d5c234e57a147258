-- The exchanges view: one row per exchange with its terms and agreement, one per executed stage.

CREATE TABLE exchanges_negotiation (
    negotiation_id VARCHAR(128) NOT NULL PRIMARY KEY
);

CREATE TABLE exchanges_exchange (
    negotiation_id VARCHAR(128)  NOT NULL,
    exchange_id    VARCHAR(128)  NOT NULL,
    kind           VARCHAR(128)  NOT NULL,
    proposed_by    VARCHAR(128),
    proposed_on    DATE          NOT NULL,
    terms_json     VARCHAR(100000) NOT NULL,
    status         VARCHAR(24)   NOT NULL,
    agreed_by_json VARCHAR(10000),
    agreed_on      DATE,
    meeting_id     VARCHAR(128),
    totals_json    VARCHAR(10000) NOT NULL,
    completed_on   DATE,
    note           VARCHAR(20000),
    ordinal        BIGINT        NOT NULL,
    proposed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    agreed_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (negotiation_id, exchange_id)
);

CREATE TABLE exchanges_stage (
    negotiation_id VARCHAR(128)  NOT NULL,
    exchange_id    VARCHAR(128)  NOT NULL,
    stage          INT           NOT NULL,
    executed_on    DATE          NOT NULL,
    released_json  VARCHAR(10000) NOT NULL,
    totals_json    VARCHAR(10000) NOT NULL,
    completes      BOOLEAN       NOT NULL,
    note           VARCHAR(20000),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, exchange_id, stage)
);
