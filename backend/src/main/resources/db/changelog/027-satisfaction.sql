--liquibase formatted sql

--changeset meike:027-satisfaction
-- The chain's satisfaction rules: which scores are low enough to open a complaint, how long a survey link lives and
-- the SLA of a complaint per severity. One row per chain once a tenant admin sets them (none: the defaults).
CREATE TABLE satisfaction_rules (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  low_score_max integer NOT NULL CHECK (low_score_max BETWEEN 1 AND 4),
  low_nps_max integer NOT NULL CHECK (low_nps_max BETWEEN 0 AND 9),
  link_valid_hours integer NOT NULL CHECK (link_valid_hours BETWEEN 1 AND 720),
  sla_hours_high integer NOT NULL CHECK (sla_hours_high BETWEEN 1 AND 720),
  sla_hours_medium integer NOT NULL CHECK (sla_hours_medium BETWEEN 1 AND 720),
  sla_hours_low integer NOT NULL CHECK (sla_hours_low BETWEEN 1 AND 720),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id)
);

-- A survey of one visit. PENDING: a one-time link was sent and not answered yet (only the SHA-256 of its token is
-- kept); SUBMITTED: the answers, from the customer through the link or recorded by staff. The consultant is the
-- visit's consultant when the survey was made, for the summary.
CREATE TABLE survey (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  visit_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  consultant_id uuid,
  visited_at timestamptz NOT NULL,
  channel varchar(10) NOT NULL CHECK (channel IN ('STAFF', 'LINK')),
  status varchar(10) NOT NULL CHECK (status IN ('PENDING', 'SUBMITTED')),
  link_token_hash bytea,
  link_expires_at timestamptz,
  result_score smallint CHECK (result_score BETWEEN 1 AND 5),
  experience_score smallint CHECK (experience_score BETWEEN 1 AND 5),
  nps smallint CHECK (nps BETWEEN 0 AND 10),
  comment varchar(2000),
  submitted_at timestamptz,
  recorded_by varchar(64),
  created_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  -- One survey per visit.
  UNIQUE (tenant_id, visit_id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, consultant_id) REFERENCES staff (tenant_id, id),
  CHECK ((channel = 'LINK') = (link_token_hash IS NOT NULL AND link_expires_at IS NOT NULL)),
  CHECK ((status = 'SUBMITTED') = (result_score IS NOT NULL AND experience_score IS NOT NULL AND nps IS NOT NULL
    AND submitted_at IS NOT NULL))
);
-- A token names one survey of one chain, whatever the chain.
CREATE UNIQUE INDEX survey_link_uq ON survey (link_token_hash) WHERE link_token_hash IS NOT NULL;
CREATE INDEX survey_customer_ix ON survey (tenant_id, customer_id, created_at DESC, id DESC);
CREATE INDEX survey_clinic_ix ON survey (tenant_id, clinic_id, submitted_at) WHERE status = 'SUBMITTED';

-- The treated items the survey is about (for the averages per item).
CREATE TABLE survey_item (
  tenant_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  item_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, survey_id, item_id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES survey (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id)
);

-- A complaint (客怨): opened by hand or by a low survey (at most one per survey), owned by a staff member, worked
-- OPEN -> IN_PROGRESS -> RESOLVED (with a resolution note) -> CLOSED; `due_at` is the SLA of its severity.
CREATE TABLE complaint (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  visit_id uuid,
  survey_id uuid,
  severity varchar(10) NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
  category varchar(10) NOT NULL CHECK (category IN ('RESULT', 'SERVICE', 'WAITING', 'PRICE', 'OTHER')),
  status varchar(12) NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
  owner_id uuid,
  description varchar(2000),
  resolution_note varchar(2000),
  opened_at timestamptz NOT NULL,
  opened_by varchar(64),
  due_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid,
  closed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, survey_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES survey (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, resolved_by) REFERENCES staff (tenant_id, id),
  CHECK (status NOT IN ('RESOLVED') OR (resolution_note IS NOT NULL AND resolved_at IS NOT NULL)),
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX complaint_clinic_ix ON complaint (tenant_id, clinic_id, status, due_at, id);
CREATE INDEX complaint_owner_ix ON complaint (tenant_id, owner_id, status, due_at);
CREATE INDEX complaint_customer_ix ON complaint (tenant_id, customer_id, opened_at DESC, id DESC);

ALTER TABLE satisfaction_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE satisfaction_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON satisfaction_rules
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE survey ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON survey
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE survey_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON survey_item
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE complaint ENABLE ROW LEVEL SECURITY;
ALTER TABLE complaint FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Surveys and complaints are never deleted; a merge moves them to the surviving customer and an erasure blanks their
-- texts, hence UPDATE.
GRANT SELECT, INSERT, UPDATE ON satisfaction_rules, survey, complaint TO ${app_role};
GRANT SELECT, INSERT ON survey_item TO ${app_role};

--changeset meike:027-survey-link-routing splitStatements:false
-- A public survey link carries no login: its token is the only thing that names the chain. This function, run with
-- its owner's rights, answers the chain of a token's hash and nothing else; the app then reads the survey as that
-- chain, through the tenant filter and row-level security like any request. The owner's read policy serves it alone:
-- the app never connects as the owner.
CREATE POLICY survey_link_routing ON survey FOR SELECT TO CURRENT_USER USING (link_token_hash IS NOT NULL);
CREATE FUNCTION survey_link_chain(token_hash bytea) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$
  SELECT tenant_id FROM survey WHERE link_token_hash = token_hash
$$;
REVOKE ALL ON FUNCTION survey_link_chain(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION survey_link_chain(bytea) TO ${app_role};
