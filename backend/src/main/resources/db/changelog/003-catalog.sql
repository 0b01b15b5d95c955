--liquibase formatted sql

--changeset meike:003-catalog-items
-- clinic_ids lists the clinics offering the item when all_clinics is false; ids are checked against the
-- chain's clinics on every write, and clinics are never deleted (the app role may not).
CREATE TABLE catalog_item (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  code varchar(30) NOT NULL,
  name varchar(100) NOT NULL,
  category varchar(20) NOT NULL
    CHECK (category IN ('SKIN', 'INJECTION', 'MINIMALLY_INVASIVE', 'SURGERY', 'OTHER')),
  list_price bigint NOT NULL CHECK (list_price >= 0),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
  entry_level boolean NOT NULL,
  active boolean NOT NULL,
  all_clinics boolean NOT NULL,
  clinic_ids uuid[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (all_clinics = (cardinality(clinic_ids) = 0))
);
CREATE UNIQUE INDEX catalog_item_code_uq ON catalog_item (tenant_id, lower(code));
CREATE INDEX catalog_item_clinics_ix ON catalog_item USING gin (clinic_ids);

ALTER TABLE catalog_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalog_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON catalog_item
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Items are archived, never deleted, so history keeps their names.
GRANT SELECT, INSERT, UPDATE ON catalog_item TO ${app_role};
