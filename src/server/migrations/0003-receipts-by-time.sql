-- The export's order: receipts by their decision time, the receipt id breaking ties, read a batch
-- at a time after the last one seen.
CREATE INDEX consentry_receipts_by_time ON consentry_receipts (decided_at, receipt_id);
