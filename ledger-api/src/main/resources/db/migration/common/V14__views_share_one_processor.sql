-- The views share one tracking processor ("views"). What a view has handled apart from it stands
-- here: after a replay, where the rebuild stopped; on the first start after this migration, the
-- token each view's own processor had reached (one row per segment it had). The shared processor
-- skips, for that view, an event at a position the row has handled. A view the ledger has built
-- has at least one row (handled_to -1: nothing apart from the shared processor); one without a
-- row is new and is built from the whole history by a replay. The rows are written by the ledger
-- at its first start (ViewHandovers), which reads the old tokens with Axon's serializer.

CREATE TABLE view_handover (
    view_name    VARCHAR(255) NOT NULL,
    segment      INTEGER      NOT NULL,
    segment_mask INTEGER      NOT NULL,
    handled_to   BIGINT       NOT NULL,
    gaps         VARCHAR      NOT NULL,
    PRIMARY KEY (view_name, segment)
);
