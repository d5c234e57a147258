-- Contested accounts (issue 28): the differing accounts of a record (a figure, a wording), each
-- with its sources, kept side by side, as known from when each was recorded, and its retraction,
-- if any, from when that was recorded.

CREATE TABLE positions_account (
    negotiation_id       VARCHAR(128) NOT NULL,
    account_id           VARCHAR(128) NOT NULL,
    record_id            VARCHAR(128) NOT NULL,
    record_kind          VARCHAR(16)  NOT NULL,
    record_day           DATE         NOT NULL,
    record_field         VARCHAR,
    wording              VARCHAR,
    figure               VARCHAR,
    unit                 VARCHAR,
    reported_by          VARCHAR(128),
    sources_json         VARCHAR      NOT NULL,
    ordinal              BIGINT       NOT NULL,
    known_from           TIMESTAMP WITH TIME ZONE NOT NULL,
    retracted_known_from TIMESTAMP WITH TIME ZONE,
    retraction_reason    VARCHAR,
    PRIMARY KEY (negotiation_id, account_id)
);
