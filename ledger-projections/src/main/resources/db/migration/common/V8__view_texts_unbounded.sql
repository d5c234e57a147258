-- Every column of a view that holds text from a command is as long as the command may make it:
-- the limits are the command edge's (one place, the ledger API's Limits), not the views'. A
-- column narrower than what the edge accepts stopped a view for every negotiation.
-- VARCHAR without a length is unbounded on PostgreSQL and up to 10^9 characters on H2.

ALTER TABLE positions_negotiation ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE positions_party ALTER COLUMN name SET DATA TYPE VARCHAR;
ALTER TABLE positions_topic ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN summary SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN conditions SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN offer_value SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN offer_unit SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN source_json SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN note SET DATA TYPE VARCHAR;
ALTER TABLE positions_version ALTER COLUMN reason SET DATA TYPE VARCHAR;

ALTER TABLE exchanges_exchange ALTER COLUMN kind SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_exchange ALTER COLUMN terms_json SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_exchange ALTER COLUMN agreed_by_json SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_exchange ALTER COLUMN totals_json SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_exchange ALTER COLUMN note SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_stage ALTER COLUMN released_json SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_stage ALTER COLUMN totals_json SET DATA TYPE VARCHAR;
ALTER TABLE exchanges_stage ALTER COLUMN note SET DATA TYPE VARCHAR;

ALTER TABLE meetings_meeting ALTER COLUMN location SET DATA TYPE VARCHAR;
ALTER TABLE meetings_meeting ALTER COLUMN party_ids_json SET DATA TYPE VARCHAR;
ALTER TABLE meetings_meeting ALTER COLUMN mediator_ids_json SET DATA TYPE VARCHAR;
ALTER TABLE meetings_meeting ALTER COLUMN heads_json SET DATA TYPE VARCHAR;
ALTER TABLE meetings_meeting ALTER COLUMN topic_ids_json SET DATA TYPE VARCHAR;
ALTER TABLE meetings_meeting ALTER COLUMN summary SET DATA TYPE VARCHAR;

ALTER TABLE audit_event ALTER COLUMN recorded_by SET DATA TYPE VARCHAR;
ALTER TABLE audit_event ALTER COLUMN correlation_id SET DATA TYPE VARCHAR;
ALTER TABLE audit_event ALTER COLUMN payload_json SET DATA TYPE VARCHAR;

ALTER TABLE overview_negotiation ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE overview_negotiation ALTER COLUMN description SET DATA TYPE VARCHAR;
ALTER TABLE overview_negotiation ALTER COLUMN closing_summary SET DATA TYPE VARCHAR;
ALTER TABLE overview_party ALTER COLUMN name SET DATA TYPE VARCHAR;
ALTER TABLE overview_delegate ALTER COLUMN name SET DATA TYPE VARCHAR;
ALTER TABLE overview_delegate ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE overview_topic ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE overview_topic ALTER COLUMN description SET DATA TYPE VARCHAR;
