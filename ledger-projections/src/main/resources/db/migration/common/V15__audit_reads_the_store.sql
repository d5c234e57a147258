-- The audit trail reads each event's payload from the event store (domainevententry) when a page
-- is asked for; its own table keeps only what its filters and its entries' headings need.

ALTER TABLE audit_event DROP COLUMN payload_json;
