-- The index of events (the audit view's one row per event) marks the records brought in from
-- event data, so that the overview can count without them (machineCoded=exclude). NULL is every
-- other event: what people recorded, and every correction, retraction and set-up. The records
-- already there are found in the views that keep what the machine coded, by their sequence number:
-- statements (their first version), outcomes and meetings.

ALTER TABLE audit_event ADD COLUMN machine_coded BOOLEAN;

UPDATE audit_event SET machine_coded = TRUE
WHERE event_type = 'StatementRecorded' AND EXISTS (
    SELECT 1 FROM positions_version v
    WHERE v.negotiation_id = audit_event.negotiation_id AND v.event_seq = audit_event.sequence_number
      AND v.coding_json IS NOT NULL);

UPDATE audit_event SET machine_coded = TRUE
WHERE event_type = 'OutcomeRecorded' AND EXISTS (
    SELECT 1 FROM positions_outcome o
    WHERE o.negotiation_id = audit_event.negotiation_id AND o.ordinal = audit_event.sequence_number
      AND o.coding_json IS NOT NULL);

UPDATE audit_event SET machine_coded = TRUE
WHERE event_type = 'MeetingHeld' AND EXISTS (
    SELECT 1 FROM meetings_meeting m
    WHERE m.negotiation_id = audit_event.negotiation_id AND m.ordinal = audit_event.sequence_number
      AND m.coding_json IS NOT NULL);
