--liquibase formatted sql

--changeset meike:004-customers
CREATE TABLE customer (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  name varchar(100) NOT NULL,
  -- Search keys in C collation: a prefix search is a range (>= 'zs', < 'zt'), which row-level security lets
  -- the planner answer from an index (LIKE is not leakproof, so under RLS it could only filter a scan).
  name_key varchar(100) COLLATE "C" NOT NULL,
  name_initials varchar(100) COLLATE "C" NOT NULL,
  name_pinyin varchar(600) COLLATE "C" NOT NULL,
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
CREATE INDEX customer_name_key_ix ON customer (tenant_id, name_key);
CREATE INDEX customer_initials_ix ON customer (tenant_id, name_initials);
CREATE INDEX customer_pinyin_ix ON customer (tenant_id, name_pinyin);
CREATE INDEX customer_tags_ix ON customer USING gin (tags);
CREATE INDEX customer_referrer_ix ON customer (tenant_id, referrer_id);
CREATE INDEX customer_owner_ix ON customer (tenant_id, owner_staff_id);

ALTER TABLE customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Customers are anonymised on request, never deleted: ledgers and statistics keep pointing at them.
GRANT SELECT, INSERT, UPDATE ON customer TO ${app_role};

--changeset meike:004-customer-phone-grams splitStatements:false
-- "Phone contains these digits" as an equality lookup (leakproof, so usable under RLS): every 4-digit run of
-- every customer's phone, kept by a trigger.
CREATE TABLE customer_phone_gram (
  tenant_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  gram char(4) COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, gram, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_phone_gram_customer_ix ON customer_phone_gram (tenant_id, customer_id);
ALTER TABLE customer_phone_gram ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_phone_gram FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_phone_gram
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, DELETE ON customer_phone_gram TO ${app_role};

CREATE FUNCTION customer_phone_grams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.phone = OLD.phone THEN
      RETURN NEW;
    END IF;
    DELETE FROM customer_phone_gram WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id;
  END IF;
  INSERT INTO customer_phone_gram (tenant_id, customer_id, gram)
  SELECT DISTINCT NEW.tenant_id, NEW.id, substr(d.digits, i, 4)
  FROM (SELECT regexp_replace(NEW.phone, '[^0-9]', '', 'g') AS digits) d,
       generate_series(1, greatest(length(d.digits) - 3, 0)) i;
  RETURN NEW;
END
$$;
CREATE TRIGGER customer_phone_grams AFTER INSERT OR UPDATE OF phone ON customer
  FOR EACH ROW EXECUTE FUNCTION customer_phone_grams();
