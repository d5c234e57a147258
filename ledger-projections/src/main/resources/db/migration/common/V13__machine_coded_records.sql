-- Records brought in from event data (GDELT, ICEWS) carry what a machine coded: the statement's
-- versions and the outcomes keep it as JSON. Rows of earlier records have none (a person recorded
-- them), which is what an empty column says: no rebuild is needed.

ALTER TABLE positions_version ADD COLUMN coding_json VARCHAR;
ALTER TABLE positions_outcome ADD COLUMN coding_json VARCHAR;

-- An outcome can now be retracted (an import of event data taken back, a false report): it stays
-- listed, marked retracted from the time the retraction was recorded.
ALTER TABLE positions_outcome ADD COLUMN retracted_known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE positions_outcome ADD COLUMN retraction_reason VARCHAR;

-- A meeting can be brought in from event data (with what the machine coded) and retracted.
ALTER TABLE meetings_meeting ADD COLUMN coding_json VARCHAR;
ALTER TABLE meetings_meeting ADD COLUMN retracted_known_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE meetings_meeting ADD COLUMN retraction_reason VARCHAR;
