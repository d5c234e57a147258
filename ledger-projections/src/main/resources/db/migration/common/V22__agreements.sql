-- Agreements as documents (issue 28): an agreement is the outcome on each topic it provides for
-- (a row of positions_outcome under its id); this table keeps what the document adds: its title,
-- stage, signatories and provisions. An exchange a provision names is linked to the agreement from
-- the day it was signed, as known from when it was recorded.
CREATE TABLE positions_agreement (
    negotiation_id   VARCHAR(128) NOT NULL,
    agreement_id     VARCHAR(128) NOT NULL,
    title            VARCHAR      NOT NULL,
    stage            VARCHAR(32)  NOT NULL,
    signatories_json VARCHAR      NOT NULL,
    provisions_json  VARCHAR      NOT NULL,
    PRIMARY KEY (negotiation_id, agreement_id)
);

ALTER TABLE exchanges_exchange ADD COLUMN agreement_id VARCHAR(128);
-- The agreement a negotiation's closure names, when it ended with one.
ALTER TABLE overview_negotiation ADD COLUMN closing_agreement_id VARCHAR(128);
ALTER TABLE exchanges_exchange ADD COLUMN agreement_signed_on DATE;
ALTER TABLE exchanges_exchange ADD COLUMN agreement_known_from TIMESTAMP WITH TIME ZONE;
