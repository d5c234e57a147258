-- Linkage (issue 28): what a statement's position depends on (topics, other records), kept with
-- each version as the statement's links (NULL: none, as for every statement recorded before); and
-- packages, topics to be agreed or refused together, as proposed on a day and known from a time.

ALTER TABLE positions_version ADD COLUMN links_json VARCHAR;

CREATE TABLE positions_package (
    negotiation_id VARCHAR(128) NOT NULL,
    package_id     VARCHAR(128) NOT NULL,
    title          VARCHAR      NOT NULL,
    topic_ids_json VARCHAR      NOT NULL,
    proposed_by    VARCHAR(128),
    proposed_on    DATE         NOT NULL,
    terms          VARCHAR,
    sources_json   VARCHAR      NOT NULL,
    publishers     INTEGER      NOT NULL,
    ordinal        BIGINT       NOT NULL,
    known_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (negotiation_id, package_id)
);
