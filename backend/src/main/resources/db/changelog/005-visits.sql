--liquibase formatted sql

--changeset meike:005-btree-gist
-- Lets an exclusion constraint compare tenant and staff ids by equality next to time ranges by overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;

--changeset meike:005-visits
CREATE TABLE visit (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  purpose varchar(15) NOT NULL CHECK (purpose IN ('CONSULTATION', 'TREATMENT', 'REVIEW', 'EVENT', 'SOCIAL')),
  checked_in_at timestamptz NOT NULL,
  checked_out_at timestamptz,
  walk_in boolean NOT NULL,
  note varchar(1000),
  checked_in_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
-- A customer is in one place at a time: a second check-in before checking out is refused.
CREATE UNIQUE INDEX visit_open_uq ON visit (tenant_id, customer_id) WHERE checked_out_at IS NULL;
CREATE INDEX visit_clinic_time_ix ON visit (tenant_id, clinic_id, checked_in_at, id);
CREATE INDEX visit_customer_time_ix ON visit (tenant_id, customer_id, checked_in_at, id);
CREATE INDEX visit_time_ix ON visit (tenant_id, checked_in_at, id);

CREATE TABLE visit_staff (
  tenant_id uuid NOT NULL,
  visit_id uuid NOT NULL,
  staff_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, visit_id, staff_id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX visit_staff_staff_ix ON visit_staff (tenant_id, staff_id);

CREATE TABLE appointment (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  item_id uuid,
  staff_id uuid,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status varchar(10) NOT NULL CHECK (status IN ('BOOKED', 'CONFIRMED', 'CANCELLED', 'NO_SHOW', 'ARRIVED')),
  note varchar(500),
  cancel_reason varchar(300),
  status_changed_at timestamptz,
  status_changed_by varchar(64),
  visit_id uuid,
  booked_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  CHECK (ends_at > starts_at),
  CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
  CHECK ((status = 'ARRIVED') = (visit_id IS NOT NULL)),
  -- No double booking of a staff member, even when two desks book the same slot at the same moment.
  CONSTRAINT appointment_staff_overlap EXCLUDE USING gist (
    tenant_id WITH =, staff_id WITH =, tstzrange(starts_at, ends_at) WITH &&
  ) WHERE (staff_id IS NOT NULL AND status IN ('BOOKED', 'CONFIRMED', 'ARRIVED'))
);
CREATE UNIQUE INDEX appointment_visit_uq ON appointment (tenant_id, visit_id);
CREATE INDEX appointment_clinic_time_ix ON appointment (tenant_id, clinic_id, starts_at, id);
CREATE INDEX appointment_customer_time_ix ON appointment (tenant_id, customer_id, starts_at, id);
CREATE INDEX appointment_time_ix ON appointment (tenant_id, starts_at, id);

CREATE TABLE consultation (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  visit_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  consultant_id uuid NOT NULL,
  consulted_at timestamptz NOT NULL,
  summary varchar(2000),
  outcome varchar(15) NOT NULL CHECK (outcome IN ('PENDING', 'CONVERTED', 'NOT_CONVERTED')),
  reason varchar(15) CHECK (reason IN ('PRICE', 'TRUST', 'TIMING', 'EFFECT_DOUBT', 'COMPETITOR', 'OTHER')),
  outcome_note varchar(500),
  outcome_recorded_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, consultant_id) REFERENCES staff (tenant_id, id),
  -- A reason exactly when she did not convert; the time of the outcome exactly when there is one.
  CHECK ((outcome = 'NOT_CONVERTED') = (reason IS NOT NULL)),
  CHECK ((outcome = 'PENDING') = (outcome_recorded_at IS NULL))
);
CREATE INDEX consultation_customer_time_ix ON consultation (tenant_id, customer_id, consulted_at, id);
CREATE INDEX consultation_time_ix ON consultation (tenant_id, consulted_at, id);
CREATE INDEX consultation_visit_ix ON consultation (tenant_id, visit_id);
CREATE INDEX consultation_consultant_ix ON consultation (tenant_id, consultant_id, consulted_at);

-- The design assessment (美学设计评估): up to three needs, ranked, each with suggested items.
CREATE TABLE consultation_need (
  tenant_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 3),
  area varchar(20) NOT NULL,
  concern varchar(200) NOT NULL,
  note varchar(500),
  PRIMARY KEY (tenant_id, consultation_id, rank),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultation (tenant_id, id)
);

CREATE TABLE consultation_suggestion (
  tenant_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  rank smallint NOT NULL,
  item_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, consultation_id, rank, item_id),
  FOREIGN KEY (tenant_id, consultation_id, rank) REFERENCES consultation_need (tenant_id, consultation_id, rank),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id)
);
CREATE INDEX consultation_suggestion_item_ix ON consultation_suggestion (tenant_id, item_id);

ALTER TABLE visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE visit_staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit_staff FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit_staff
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE appointment ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appointment
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE consultation ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consultation
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE consultation_need ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultation_need FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consultation_need
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE consultation_suggestion ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultation_suggestion FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consultation_suggestion
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Visits, appointments and consultations are history: never deleted. Staff on a visit and the assessment's
-- needs are edited by replacing them; needs are updated in place only to erase a customer's free text.
GRANT SELECT, INSERT, UPDATE ON visit, appointment, consultation TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON consultation_need TO ${app_role};
GRANT SELECT, INSERT, DELETE ON visit_staff, consultation_suggestion TO ${app_role};
