-- Reports added to a meeting after it was recorded (issue 28): by a person who found them later, or
-- by rows of event data that report a meeting a person recorded. Each keeps its sources as a JSON
-- list, what a machine coded (if it did), and its retraction, as known from when.
CREATE TABLE meetings_corroboration (
    negotiation_id       VARCHAR(128) NOT NULL,
    meeting_id           VARCHAR(128) NOT NULL,
    corroboration_id     VARCHAR(128) NOT NULL,
    sources_json         VARCHAR      NOT NULL,
    coding_json          VARCHAR,
    ordinal              BIGINT       NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    retracted_known_from TIMESTAMP WITH TIME ZONE,
    retraction_reason    VARCHAR,
    PRIMARY KEY (negotiation_id, meeting_id, corroboration_id)
);
