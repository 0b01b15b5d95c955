--liquibase formatted sql

--changeset meike:011-membership-tiers
-- The chain's membership program: one row per chain (created with the chain), no tiers until the admin adds some.
CREATE TABLE membership_program (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  basis varchar(20) NOT NULL CHECK (basis IN ('LIFETIME', 'ROLLING_12_MONTHS', 'MEMBER_YEAR')),
  review_rule varchar(20) NOT NULL CHECK (review_rule IN ('AT_MEMBER_YEAR_END', 'MONTHLY', 'NEVER')),
  reevaluation_job_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id)
);

-- Tiers are never deleted (the history names them): a tier taken out of the program is retired (no position).
CREATE TABLE membership_tier (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  name varchar(40) NOT NULL CHECK (length(btrim(name)) > 0),
  position smallint CHECK (position BETWEEN 0 AND 9),
  threshold bigint NOT NULL CHECK (threshold BETWEEN 0 AND 100000000000),
  discount_percent numeric(5, 2) NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
  category_discounts jsonb NOT NULL CHECK (jsonb_typeof(category_discounts) = 'object'),
  points_multiplier numeric(4, 2) NOT NULL CHECK (points_multiplier BETWEEN 1 AND 10),
  perks jsonb NOT NULL CHECK (jsonb_typeof(perks) = 'array'),
  retired_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK ((position IS NULL) = (retired_at IS NOT NULL)),
  -- Deferred: a program update renumbers its tiers in one transaction.
  CONSTRAINT membership_tier_position_uq UNIQUE (tenant_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE membership_job (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  kind varchar(15) NOT NULL CHECK (kind IN ('REEVALUATION', 'REVIEW')),
  status varchar(10) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  as_of date NOT NULL,
  evaluate_at timestamptz NOT NULL,
  total bigint NOT NULL DEFAULT 0 CHECK (total >= 0),
  processed bigint NOT NULL DEFAULT 0 CHECK (processed >= 0),
  moved_up bigint NOT NULL DEFAULT 0 CHECK (moved_up >= 0),
  moved_down bigint NOT NULL DEFAULT 0 CHECK (moved_down >= 0),
  -- The last customer done: a restarted job goes on after it.
  cursor_customer_id uuid,
  error varchar(500),
  created_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (moved_up + moved_down <= processed),
  CHECK ((status = 'QUEUED') = (started_at IS NULL)),
  CHECK ((status IN ('DONE', 'FAILED')) = (finished_at IS NOT NULL)),
  CHECK ((status = 'FAILED') = (error IS NOT NULL))
);
CREATE INDEX membership_job_unfinished_ix ON membership_job (tenant_id, created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX membership_job_kind_ix ON membership_job (tenant_id, kind, as_of);
ALTER TABLE membership_program ADD FOREIGN KEY (tenant_id, reevaluation_job_id) REFERENCES membership_job (tenant_id, id);

-- A customer's standing: the tier her spend holds (computed), her member year's start, a manual override.
-- Recording spend and evaluating her both lock this row, so orders and jobs never interleave on one customer.
CREATE TABLE customer_membership (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  customer_id uuid NOT NULL,
  tier_id uuid,
  first_paid_at timestamptz,
  override_tier_id uuid,
  override_reason varchar(300),
  override_until timestamptz,
  override_by varchar(64),
  override_at timestamptz,
  -- The last review date she was reviewed for: a second run for the same date passes her by.
  reviewed_for date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, tier_id) REFERENCES membership_tier (tenant_id, id),
  FOREIGN KEY (tenant_id, override_tier_id) REFERENCES membership_tier (tenant_id, id),
  -- An override has all its parts or none.
  CHECK ((override_tier_id IS NULL) = (override_reason IS NULL)
     AND (override_tier_id IS NULL) = (override_until IS NULL)
     AND (override_tier_id IS NULL) = (override_by IS NULL)
     AND (override_tier_id IS NULL) = (override_at IS NULL)),
  CHECK (override_until IS NULL OR override_until > override_at)
);
CREATE INDEX customer_membership_tier_ix ON customer_membership (tenant_id, tier_id);
CREATE INDEX customer_membership_override_ix ON customer_membership (tenant_id, override_until) WHERE override_tier_id IS NOT NULL;

-- Qualifying spend, append-only: a paid order adds, a refund subtracts; each source counts once.
CREATE TABLE qualifying_spend (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  source varchar(10) NOT NULL CHECK (source IN ('ORDER', 'REFUND')),
  source_id uuid NOT NULL,
  amount bigint NOT NULL,
  spent_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, source_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer_membership (tenant_id, customer_id),
  CHECK ((source = 'ORDER' AND amount >= 0) OR (source = 'REFUND' AND amount <= 0)),
  CHECK (abs(amount) <= 100000000000)
);
CREATE INDEX qualifying_spend_customer_ix ON qualifying_spend (tenant_id, customer_id, spent_at) INCLUDE (amount);

-- Every change of a customer's tier, append-only, newest read first.
CREATE TABLE tier_change (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  changed_at timestamptz NOT NULL,
  from_tier_id uuid,
  to_tier_id uuid,
  reason varchar(15) NOT NULL CHECK (reason IN ('UPGRADE', 'REFUND', 'REVIEW', 'OVERRIDE', 'OVERRIDE_ENDED', 'RULES_CHANGED')),
  source_type varchar(10) NOT NULL CHECK (source_type IN ('ORDER', 'REFUND', 'JOB', 'STAFF')),
  source_id uuid,
  changed_by varchar(64),
  note varchar(300),
  qualifying_spend bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer_membership (tenant_id, customer_id),
  FOREIGN KEY (tenant_id, from_tier_id) REFERENCES membership_tier (tenant_id, id),
  FOREIGN KEY (tenant_id, to_tier_id) REFERENCES membership_tier (tenant_id, id),
  -- Only an override may leave the tier as it was (it pins it); every other entry is a move.
  CHECK (reason IN ('OVERRIDE', 'OVERRIDE_ENDED') OR from_tier_id IS DISTINCT FROM to_tier_id),
  CHECK ((reason = 'UPGRADE') <= (source_type IN ('ORDER', 'REFUND'))),
  CHECK ((reason = 'REFUND') <= (source_type = 'REFUND')),
  CHECK ((reason IN ('REVIEW', 'RULES_CHANGED')) <= (source_type = 'JOB')),
  CHECK ((reason = 'OVERRIDE') <= (source_type = 'STAFF' AND changed_by IS NOT NULL)),
  CHECK ((source_type = 'STAFF') = (source_id IS NULL))
);
CREATE INDEX tier_change_customer_ix ON tier_change (tenant_id, customer_id, changed_at DESC, id DESC);

-- The chains that exist already get a program without tiers (read as the platform, before the policy applies).
SELECT set_config('app.platform', 'on', true);
INSERT INTO membership_program (tenant_id, id, basis, review_rule, created_at, updated_at, version)
SELECT id, gen_random_uuid(), 'LIFETIME', 'AT_MEMBER_YEAR_END', now(), now(), 0 FROM tenant;
SELECT set_config('app.platform', '', true);

ALTER TABLE membership_program ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_program FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership_program
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE membership_tier ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_tier FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership_tier
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE membership_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_job FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership_job
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE customer_membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_membership FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_membership
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE qualifying_spend ENABLE ROW LEVEL SECURITY;
ALTER TABLE qualifying_spend FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON qualifying_spend
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE tier_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE tier_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tier_change
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE ON membership_program TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON membership_tier TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON membership_job TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON customer_membership TO ${app_role};
GRANT SELECT, INSERT ON qualifying_spend TO ${app_role};
GRANT SELECT, INSERT ON tier_change TO ${app_role};
