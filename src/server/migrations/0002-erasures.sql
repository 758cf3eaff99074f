-- That an erasure happened, and when: never whose (the subject is what was erased).
CREATE TABLE consentry_erasures (
  erased_at timestamptz NOT NULL,
  receipts integer NOT NULL
);
