-- A statement and an outcome keep every report of them (issue 28): the one source a row held
-- becomes the only entry of a list, and a row without one holds the empty list.
ALTER TABLE positions_version RENAME COLUMN source_json TO sources_json;
UPDATE positions_version SET sources_json = CASE WHEN sources_json IS NULL THEN '[]'
                                                 ELSE '[' || sources_json || ']' END;
ALTER TABLE positions_outcome RENAME COLUMN source_json TO sources_json;
UPDATE positions_outcome SET sources_json = CASE WHEN sources_json IS NULL THEN '[]'
                                                 ELSE '[' || sources_json || ']' END;
-- How many independent publishers report each version, for the matrix's minimum.
ALTER TABLE positions_version ADD COLUMN publishers INTEGER DEFAULT 0 NOT NULL;
UPDATE positions_version SET publishers = CASE WHEN sources_json = '[]' THEN 0 ELSE 1 END;
