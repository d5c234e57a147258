-- The views of the model's second edition: every list answers asOf (effective date) and knownAt
-- (recording time), so each row keeps both; statements at meetings, offers with ranges, proposals
-- that lapse, parties that join, change roles and leave, delegates' titles over time, outcomes on
-- any topic.
-- The rows of the first edition lack these times: they are emptied here, and the ledger rebuilds
-- every view from the events at its first start after the upgrade (migration V12).

DELETE FROM positions_version;
DELETE FROM positions_topic;
DELETE FROM positions_party;
DELETE FROM positions_negotiation;
DELETE FROM meetings_meeting;
DELETE FROM meetings_negotiation;
DELETE FROM exchanges_stage;
DELETE FROM exchanges_exchange;
DELETE FROM exchanges_negotiation;
DELETE FROM overview_topic;
DELETE FROM overview_delegate;
DELETE FROM overview_party;
DELETE FROM overview_negotiation;

ALTER TABLE positions_negotiation ADD COLUMN opened_on DATE;
ALTER TABLE positions_party ADD COLUMN joined_on DATE;
ALTER TABLE positions_party ADD COLUMN left_on DATE;
ALTER TABLE positions_party ADD COLUMN known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE positions_party ADD COLUMN left_known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE positions_topic ADD COLUMN known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE positions_version ADD COLUMN offer_min VARCHAR;
ALTER TABLE positions_version ADD COLUMN offer_max VARCHAR;
ALTER TABLE positions_version ADD COLUMN valid_until DATE;
ALTER TABLE positions_version ADD COLUMN meeting_id VARCHAR(128);

CREATE TABLE positions_delegate (
    negotiation_id VARCHAR(128) NOT NULL,
    delegate_id    VARCHAR(128) NOT NULL,
    name           VARCHAR      NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    ordinal        BIGINT       NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, delegate_id)
);

-- A delegate's titles: the one given at registration from 0001-01-01, each later one from its day.
CREATE TABLE positions_title (
    negotiation_id VARCHAR(128) NOT NULL,
    delegate_id    VARCHAR(128) NOT NULL,
    since          DATE         NOT NULL,
    title          VARCHAR,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, delegate_id, since)
);

-- A party's roles: the one given at registration from 0001-01-01, each later one from its day.
CREATE TABLE positions_role (
    negotiation_id VARCHAR(128) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    since          DATE         NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, party_id, since)
);

CREATE TABLE positions_outcome (
    negotiation_id VARCHAR(128) NOT NULL,
    outcome_id     VARCHAR(128) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    terms          VARCHAR      NOT NULL,
    reached_on     DATE         NOT NULL,
    meeting_id     VARCHAR(128),
    party_ids_json VARCHAR      NOT NULL,
    topic_ids_json VARCHAR      NOT NULL,
    source_json    VARCHAR,
    ordinal        BIGINT       NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, outcome_id)
);

-- The topics and parties of each outcome, for filtering.
CREATE TABLE positions_outcome_topic (
    negotiation_id VARCHAR(128) NOT NULL,
    outcome_id     VARCHAR(128) NOT NULL,
    topic_id       VARCHAR(128) NOT NULL,
    PRIMARY KEY (negotiation_id, topic_id, outcome_id)
);

CREATE TABLE positions_outcome_party (
    negotiation_id VARCHAR(128) NOT NULL,
    outcome_id     VARCHAR(128) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    PRIMARY KEY (negotiation_id, party_id, outcome_id)
);

CREATE TABLE positions_outcome_status (
    negotiation_id VARCHAR(128) NOT NULL,
    outcome_id     VARCHAR(128) NOT NULL,
    since          DATE         NOT NULL,
    status         VARCHAR(24)  NOT NULL,
    note           VARCHAR,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, outcome_id, since)
);

-- What each party said at a meeting, every version of it as in positions_version.
CREATE TABLE meetings_statement (
    negotiation_id VARCHAR(128) NOT NULL,
    statement_id   VARCHAR(128) NOT NULL,
    revision       INT          NOT NULL,
    meeting_id     VARCHAR(128) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    topic_id       VARCHAR(128) NOT NULL,
    stance         VARCHAR(16)  NOT NULL,
    summary        VARCHAR      NOT NULL,
    retracted      BOOLEAN      NOT NULL,
    recorded_seq   BIGINT       NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (negotiation_id, statement_id, revision)
);

CREATE INDEX meetings_statement_meeting ON meetings_statement (negotiation_id, meeting_id);

ALTER TABLE exchanges_exchange ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;

-- The overview counts the events in force at a day as known at a time: one row per event.
CREATE TABLE overview_event (
    negotiation_id VARCHAR(128) NOT NULL,
    sequence_number BIGINT      NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    effective_on   DATE,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, sequence_number)
);

ALTER TABLE overview_negotiation ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE overview_party ADD COLUMN joined_on DATE;
ALTER TABLE overview_party ADD COLUMN left_on DATE;
ALTER TABLE overview_party ADD COLUMN known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE overview_party ADD COLUMN left_known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE overview_delegate ADD COLUMN known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE overview_topic ADD COLUMN known_from TIMESTAMP WITH TIME ZONE;

CREATE TABLE overview_role (
    negotiation_id VARCHAR(128) NOT NULL,
    party_id       VARCHAR(128) NOT NULL,
    since          DATE         NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, party_id, since)
);

CREATE TABLE overview_title (
    negotiation_id VARCHAR(128) NOT NULL,
    delegate_id    VARCHAR(128) NOT NULL,
    since          DATE         NOT NULL,
    title          VARCHAR,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, delegate_id, since)
);

-- The counts and effective dates are now counted from overview_event for the day and time asked.
ALTER TABLE overview_negotiation DROP COLUMN first_effective_on;
ALTER TABLE overview_negotiation DROP COLUMN last_effective_on;
ALTER TABLE overview_negotiation DROP COLUMN event_count;
ALTER TABLE overview_negotiation DROP COLUMN statement_count;
ALTER TABLE overview_negotiation DROP COLUMN correction_count;
ALTER TABLE overview_negotiation DROP COLUMN retraction_count;
ALTER TABLE overview_negotiation DROP COLUMN meeting_count;
ALTER TABLE overview_negotiation DROP COLUMN exchange_count;
ALTER TABLE overview_negotiation DROP COLUMN last_recorded_at;
