-- The audit view keeps one row per event: what the trail's filters need, with the parties an
-- event concerns in one column, each id between spaces (' ru ua '; no id can hold a space). What
-- the event store's own row holds (the event's id and revision, who recorded it, under which
-- request) is read from there when a page is asked for, not kept twice.

ALTER TABLE audit_event ADD COLUMN parties VARCHAR;
UPDATE audit_event SET parties = (SELECT ' ' || STRING_AGG(p.party_id, ' ' ORDER BY p.party_id) || ' '
                                  FROM audit_party p
                                  WHERE p.negotiation_id = audit_event.negotiation_id
                                    AND p.global_position = audit_event.global_position);
DROP TABLE audit_party;

ALTER TABLE audit_event DROP COLUMN event_id;
ALTER TABLE audit_event DROP COLUMN revision;
ALTER TABLE audit_event DROP COLUMN recorded_by;
ALTER TABLE audit_event DROP COLUMN correlation_id;
