--liquibase formatted sql

--changeset meike:035-segments
-- The chain's definitions of the tunable built-in segments: one row per chain once a tenant admin sets them (none:
-- the defaults). Active, at-risk, churned and visited-not-converted follow the customer lifecycle and the chain's
-- churn window (chain_settings), so they have nothing to tune here.
CREATE TABLE segment_rules (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  -- New: first visit (or, not visited yet, registration) within this many days.
  new_within_days integer NOT NULL CHECK (new_within_days BETWEEN 1 AND 365),
  -- High value: current member-year spend at least this (minor units), or a member value score at least this.
  high_value_spend bigint NOT NULL CHECK (high_value_spend BETWEEN 0 AND 100000000000),
  high_value_score integer NOT NULL CHECK (high_value_score BETWEEN 0 AND 100),
  -- Loyal: in at least her n-th member year, with at least this many visits in the current one.
  loyal_member_years integer NOT NULL CHECK (loyal_member_years BETWEEN 1 AND 50),
  loyal_visits integer NOT NULL CHECK (loyal_visits BETWEEN 0 AND 366),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id)
);

-- A saved, named custom segment: its filters as JSON (validated by the app on every write). Members are computed
-- when asked for, never stored.
CREATE TABLE custom_segment (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  name varchar(60) NOT NULL,
  description varchar(300),
  filters jsonb NOT NULL,
  created_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX custom_segment_name_uq ON custom_segment (tenant_id, lower(name));

ALTER TABLE segment_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE segment_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON segment_rules
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE custom_segment ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_segment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON custom_segment
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON segment_rules TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON custom_segment TO ${app_role};
