-- Meetings, an exchange's proposal, agreement and stages, and what became of an agreement keep
-- every report of them (issue 28), as a JSON list; a row written before holds none (NULL), read
-- as the empty list.
ALTER TABLE meetings_meeting ADD COLUMN sources_json VARCHAR;
ALTER TABLE exchanges_exchange ADD COLUMN sources_json VARCHAR;
ALTER TABLE exchanges_exchange ADD COLUMN agreement_sources_json VARCHAR;
ALTER TABLE exchanges_stage ADD COLUMN sources_json VARCHAR;
ALTER TABLE positions_outcome_status ADD COLUMN sources_json VARCHAR;
