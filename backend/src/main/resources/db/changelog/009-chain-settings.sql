--liquibase formatted sql

--changeset meike:009-chain-settings
-- The chain's own rules that are not configured elsewhere: one row per chain, created with the chain.
CREATE TABLE chain_settings (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  churn_window_days integer NOT NULL CHECK (churn_window_days BETWEEN 30 AND 730),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id)
);
-- The chains that exist already get the defaults (read as the platform, before the table's policy applies).
SELECT set_config('app.platform', 'on', true);
INSERT INTO chain_settings (tenant_id, id, churn_window_days, created_at, updated_at, version)
SELECT id, gen_random_uuid(), 180, now(), now(), 0 FROM tenant;
SELECT set_config('app.platform', '', true);
ALTER TABLE chain_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE chain_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON chain_settings
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON chain_settings TO ${app_role};
