-- A replay now rebuilds a view into fresh copies of its tables while the live view answers, and
-- the copies take over once they have caught up: how far the rebuild is, where it must reach,
-- and when the rebuilding node last said it was alive.
ALTER TABLE view_replay ADD COLUMN rebuilt_position BIGINT;
ALTER TABLE view_replay ADD COLUMN target_position BIGINT;
ALTER TABLE view_replay ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE view_replay ALTER COLUMN error SET DATA TYPE VARCHAR;
