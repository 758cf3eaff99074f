-- Receipts are append-only proof of each decision; consentry_latest keeps the newest decision per
-- subject (a contact, from a verified recipient token) and per consent id (a browser).
CREATE TABLE consentry_receipts (
  receipt_id uuid PRIMARY KEY,
  consent_id uuid NOT NULL,
  subject text,
  revision integer NOT NULL,
  categories jsonb NOT NULL,
  services jsonb NOT NULL,
  source text NOT NULL,
  gpc boolean NOT NULL,
  locale text NOT NULL,
  url text NOT NULL,
  -- The receipt's own time as the browser stated it, and clamped to the server's clock on arrival.
  stated_at timestamptz NOT NULL,
  decided_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consentry_receipts_by_subject ON consentry_receipts (subject, decided_at) WHERE subject IS NOT NULL;
CREATE INDEX consentry_receipts_by_consent ON consentry_receipts (consent_id, decided_at);

CREATE TABLE consentry_latest (
  kind text NOT NULL CHECK (kind IN ('subject', 'consent')),
  id text NOT NULL,
  receipt_id uuid NOT NULL REFERENCES consentry_receipts (receipt_id),
  consent_id uuid NOT NULL,
  stated_at timestamptz NOT NULL,
  decided_at timestamptz NOT NULL,
  revision integer NOT NULL,
  categories jsonb NOT NULL,
  services jsonb NOT NULL,
  PRIMARY KEY (kind, id)
);
