-- Mechanisms (issue 28): the bodies a negotiation set up (working groups, monitoring missions,
-- committees), with their members and mandate, the day they were created and the agreement or
-- meeting that made them, as known from a time; and their dissolution, from its day, as known from
-- when it was recorded.

CREATE TABLE positions_body (
    negotiation_id           VARCHAR(128) NOT NULL,
    body_id                  VARCHAR(128) NOT NULL,
    name                     VARCHAR      NOT NULL,
    kind                     VARCHAR(32)  NOT NULL,
    mandate                  VARCHAR,
    created_on               DATE         NOT NULL,
    members_json             VARCHAR      NOT NULL,
    topic_ids_json           VARCHAR      NOT NULL,
    agreement_id             VARCHAR(128),
    meeting_id               VARCHAR(128),
    sources_json             VARCHAR      NOT NULL,
    publishers               INTEGER      NOT NULL,
    ordinal                  BIGINT       NOT NULL,
    known_from               TIMESTAMP WITH TIME ZONE NOT NULL,
    dissolved_on             DATE,
    dissolution_reason       VARCHAR,
    dissolution_sources_json VARCHAR,
    dissolved_known_from     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (negotiation_id, body_id)
);
