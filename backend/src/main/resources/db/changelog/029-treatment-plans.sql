--liquibase formatted sql

--changeset meike:029-treatment-plans
-- Annual treatment plans (年度项目规划): one plan per customer and member year (`member_year` 1 is the year her first
-- paid order starts), revised as immutable versions. `current_version` is 0 until the first version is saved: it is
-- the plan's ETag, so two consultants saving at once cannot both write version n + 1.
CREATE TABLE treatment_plan (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  member_year integer NOT NULL CHECK (member_year BETWEEN 1 AND 200),
  current_version integer NOT NULL CHECK (current_version >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, customer_id, member_year),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id)
);

-- A saved version: who saved it, when and why (a revision must say why; the first draft may).
CREATE TABLE treatment_plan_version (
  tenant_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  reason varchar(300),
  planned_total bigint NOT NULL CHECK (planned_total >= 0),
  created_by varchar(64) NOT NULL,
  created_by_name varchar(100),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, plan_id, version),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES treatment_plan (tenant_id, id),
  CHECK (version = 1 OR reason IS NOT NULL)
);

-- A planned item of a version: in one month (1-12) or one quarter (1-4) of the member year, with the sessions and
-- the estimated amount, and optionally the consultation need it came from (no foreign key to the need itself:
-- needs are replaced when a consultation is edited, and the plan keeps its history).
CREATE TABLE treatment_plan_line (
  tenant_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version integer NOT NULL,
  line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 100),
  item_id uuid NOT NULL,
  month smallint CHECK (month BETWEEN 1 AND 12),
  quarter smallint CHECK (quarter BETWEEN 1 AND 4),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  estimated_amount bigint NOT NULL CHECK (estimated_amount BETWEEN 0 AND 100000000000),
  note varchar(300),
  consultation_id uuid,
  need_rank smallint CHECK (need_rank BETWEEN 1 AND 3),
  PRIMARY KEY (tenant_id, plan_id, version, line_no),
  FOREIGN KEY (tenant_id, plan_id, version) REFERENCES treatment_plan_version (tenant_id, plan_id, version),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultation (tenant_id, id),
  CHECK ((month IS NULL) <> (quarter IS NULL)),
  CHECK (need_rank IS NULL OR consultation_id IS NOT NULL)
);

ALTER TABLE treatment_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE treatment_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON treatment_plan
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE treatment_plan_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE treatment_plan_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON treatment_plan_version
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE treatment_plan_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE treatment_plan_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON treatment_plan_line
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Versions and their lines are history: inserted, never changed, except that a customer's erasure takes their free
-- text (a reason or note may hold health information).
GRANT SELECT, INSERT, UPDATE ON treatment_plan TO ${app_role};
GRANT SELECT, INSERT ON treatment_plan_version, treatment_plan_line TO ${app_role};
GRANT UPDATE (reason) ON treatment_plan_version TO ${app_role};
GRANT UPDATE (note) ON treatment_plan_line TO ${app_role};
