-- Directed positions (issue 28): a statement may be addressed to a party (its counterpart) and
-- made at a time of day. A statement brought in from event data was aimed at its coding's target
-- party, which the rows already here keep in their coding: it becomes their counterpart, as the
-- events' upcaster makes it for a rebuild. Every other statement was addressed to no one.

ALTER TABLE positions_version ADD COLUMN counterpart_id VARCHAR(128);
ALTER TABLE positions_version ADD COLUMN effective_at TIME;

UPDATE positions_version
SET counterpart_id = SUBSTRING(
        SUBSTRING(coding_json FROM POSITION('"targetPartyId":"' IN coding_json) + 17)
        FROM 1 FOR POSITION('"' IN SUBSTRING(coding_json FROM POSITION('"targetPartyId":"' IN coding_json) + 17)) - 1)
WHERE coding_json LIKE '%"targetPartyId":"%';

CREATE INDEX positions_version_dyad ON positions_version (negotiation_id, party_id, counterpart_id, topic_id,
                                                          effective_on);
