-- Axon's dead-letter queue for the views: an event a view cannot handle waits here, in the order of
-- its negotiation (the sequence identifier), while the view goes on with every other negotiation.
-- The columns are those of Axon's GenericDeadLetterTableFactory, with BYTEA for serialized data
-- (PostgreSQL has no BLOB) and unbounded text for the cause.

CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255) NOT NULL PRIMARY KEY,
    processinggroup      VARCHAR(255) NOT NULL,
    sequenceidentifier   VARCHAR(255) NOT NULL,
    sequenceindex        BIGINT       NOT NULL,
    messagetype          VARCHAR(255) NOT NULL,
    eventidentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadtype          VARCHAR(255) NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255) NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR,
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);

CREATE INDEX deadletterentry_group ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_group_sequence ON deadletterentry (processinggroup, sequenceidentifier);
