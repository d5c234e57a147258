-- The overview counts events from the audit view's one row per event (the ledger's index of
-- events), which holds the same negotiation, sequence, type, effective day and recording time.
DROP TABLE overview_event;
