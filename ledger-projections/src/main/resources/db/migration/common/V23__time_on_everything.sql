-- Time on everything (issue 28): a topic comes on the table on a day, a delegate begins on a day
-- (NULL: from the opening, as every one recorded before); a meeting may last several days, have
-- times of day and a format (NULL: one day, not said).
ALTER TABLE overview_topic ADD COLUMN added_on DATE;
ALTER TABLE overview_delegate ADD COLUMN since DATE;
ALTER TABLE positions_topic ADD COLUMN added_on DATE;
ALTER TABLE positions_delegate ADD COLUMN since DATE;
ALTER TABLE meetings_meeting ADD COLUMN ends_on DATE;
ALTER TABLE meetings_meeting ADD COLUMN starts_at TIME;
ALTER TABLE meetings_meeting ADD COLUMN ends_at TIME;
ALTER TABLE meetings_meeting ADD COLUMN format VARCHAR(16);
