-- A cell's versions in the exact order that decides a matrix cell (PositionQueries.DECIDING), so
-- that the matrix stops at the first version that counts instead of sorting every version of the
-- cell: its cost then stays flat as a negotiation's history grows (docs/performance.md, "The cost
-- curve to ten million events").
CREATE INDEX positions_version_deciding ON positions_version (negotiation_id, party_id, topic_id,
    effective_on DESC, effective_at DESC NULLS LAST, publishers DESC, recorded_seq DESC);
