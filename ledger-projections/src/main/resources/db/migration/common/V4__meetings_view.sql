-- The meetings view: the rounds of talks of each negotiation.

CREATE TABLE meetings_negotiation (
    negotiation_id VARCHAR(128) NOT NULL PRIMARY KEY
);

CREATE TABLE meetings_meeting (
    negotiation_id    VARCHAR(128)  NOT NULL,
    meeting_id        VARCHAR(128)  NOT NULL,
    held_on           DATE          NOT NULL,
    location          VARCHAR(300),
    level             VARCHAR(16)   NOT NULL,
    party_ids_json    VARCHAR(10000) NOT NULL,
    mediator_ids_json VARCHAR(10000) NOT NULL,
    heads_json        VARCHAR(10000) NOT NULL,
    topic_ids_json    VARCHAR(10000) NOT NULL,
    summary           VARCHAR(20000),
    ordinal           BIGINT        NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, meeting_id)
);
