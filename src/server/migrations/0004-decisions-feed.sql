-- The change feed's order: the transaction that stored a receipt, then its order within that
-- transaction. Receipts stored before this migration count as one transaction 0, in their order.
ALTER TABLE consentry_receipts ADD COLUMN tx bigint NOT NULL DEFAULT 0;
ALTER TABLE consentry_receipts ALTER COLUMN tx SET DEFAULT pg_current_xact_id()::text::bigint;
ALTER TABLE consentry_receipts ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX consentry_receipts_by_tx ON consentry_receipts (tx, seq);
