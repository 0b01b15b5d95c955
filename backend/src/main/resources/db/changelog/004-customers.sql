--liquibase formatted sql

--changeset meike:004-pg-trgm
-- Trigram indexes answer "phone contains these digits" without scanning the table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

--changeset meike:004-customers
CREATE TABLE customer (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  name varchar(100) NOT NULL,
  name_initials varchar(100) NOT NULL,
  name_pinyin varchar(600) NOT NULL,
  phone varchar(20) NOT NULL,
  gender varchar(12) CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
  birth_date date,
  occupation varchar(100),
  income_band varchar(20) CHECK (income_band IN ('UNDER_100K', 'FROM_100K_TO_300K', 'FROM_300K_TO_1M', 'OVER_1M')),
  city varchar(50),
  address varchar(300),
  source varchar(20) NOT NULL
    CHECK (source IN ('ADVERTISING', 'REFERRAL', 'WALK_IN', 'ONLINE_PLATFORM', 'EVENT', 'OTHER')),
  referrer_id uuid,
  referrer_attached_at timestamptz,
  referrer_attached_by varchar(64),
  owner_staff_id uuid,
  home_clinic_id uuid,
  tags text[] NOT NULL,
  notes varchar(2000),
  marketing_consent boolean NOT NULL,
  consent_channel varchar(50),
  consent_recorded_at timestamptz,
  first_visit_at timestamptz,
  first_purchase_at timestamptz,
  last_visit_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, referrer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_staff_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, home_clinic_id) REFERENCES clinic (tenant_id, id),
  CHECK (referrer_id IS NULL OR referrer_id <> id),
  CHECK ((referrer_id IS NULL) = (referrer_attached_at IS NULL))
);
CREATE UNIQUE INDEX customer_phone_uq ON customer (tenant_id, phone);
CREATE INDEX customer_phone_trgm_ix ON customer USING gin (phone gin_trgm_ops);
CREATE INDEX customer_name_ix ON customer (tenant_id, lower(name) text_pattern_ops);
CREATE INDEX customer_initials_ix ON customer (tenant_id, name_initials text_pattern_ops);
CREATE INDEX customer_pinyin_ix ON customer (tenant_id, name_pinyin text_pattern_ops);
CREATE INDEX customer_tags_ix ON customer USING gin (tags);
CREATE INDEX customer_referrer_ix ON customer (tenant_id, referrer_id);
CREATE INDEX customer_owner_ix ON customer (tenant_id, owner_staff_id);

ALTER TABLE customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Customers are anonymised on request, never deleted: ledgers and statistics keep pointing at them.
GRANT SELECT, INSERT, UPDATE ON customer TO ${app_role};
