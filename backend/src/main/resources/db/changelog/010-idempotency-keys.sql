--liquibase formatted sql

--changeset meike:010-idempotency-keys
-- A write that moves money, points or sessions runs once per key: the key's row is inserted in the write's own
-- transaction, so a concurrent replay waits for it and then answers the stored result.
CREATE TABLE idempotency_key (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  key varchar(100) NOT NULL,
  operation varchar(100) NOT NULL,
  request_hash char(64) NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX idempotency_key_created_ix ON idempotency_key (created_at);
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_key
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Keys are forgotten after the retention period (a daily job), so a retry must come within it.
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${app_role};
