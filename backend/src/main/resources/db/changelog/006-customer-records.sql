--liquibase formatted sql

--changeset meike:006-customer-tombstones
-- A merged duplicate stays as a tombstone pointing at the survivor (ledgers may point at it); an erased
-- customer keeps her row, ids and statistics with the personal fields anonymised (PIPL).
ALTER TABLE customer ADD COLUMN merged_into uuid;
ALTER TABLE customer ADD COLUMN merged_at timestamptz;
ALTER TABLE customer ADD COLUMN erased_at timestamptz;
ALTER TABLE customer ADD FOREIGN KEY (tenant_id, merged_into) REFERENCES customer (tenant_id, id);
ALTER TABLE customer ADD CHECK (merged_into IS NULL OR merged_into <> id);
ALTER TABLE customer ADD CHECK ((merged_into IS NULL) = (merged_at IS NULL));

--changeset meike:006-customer-birth-month
-- "Born in May" as an equality on a stored column (extract() is not leakproof, so under row-level security
-- it could only filter a scan).
ALTER TABLE customer ADD COLUMN birth_month smallint
  GENERATED ALWAYS AS (extract(month FROM birth_date)::smallint) STORED;
CREATE INDEX customer_birth_month_ix ON customer (tenant_id, birth_month, id);

--changeset meike:006-customer-tags splitStatements:false
-- "Has tag VIP" as an equality lookup (array containment is not leakproof, so the GIN index on tags could not
-- be used under row-level security): one row per tag of each customer, kept by a trigger.
CREATE TABLE customer_tag (
  tenant_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  tag varchar(30) COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, tag, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_tag_customer_ix ON customer_tag (tenant_id, customer_id);
ALTER TABLE customer_tag ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_tag FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_tag
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, DELETE ON customer_tag TO ${app_role};

CREATE FUNCTION customer_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.tags = OLD.tags THEN
      RETURN NEW;
    END IF;
    DELETE FROM customer_tag WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id;
  END IF;
  INSERT INTO customer_tag (tenant_id, customer_id, tag)
  SELECT DISTINCT NEW.tenant_id, NEW.id, t FROM unnest(NEW.tags) t;
  RETURN NEW;
END
$$;
CREATE TRIGGER customer_tags AFTER INSERT OR UPDATE OF tags ON customer
  FOR EACH ROW EXECUTE FUNCTION customer_tags();

-- The owner is subject to row-level security too (FORCE): lift it for the backfill of existing customers.
ALTER TABLE customer NO FORCE ROW LEVEL SECURITY;
ALTER TABLE customer_tag NO FORCE ROW LEVEL SECURITY;
INSERT INTO customer_tag (tenant_id, customer_id, tag)
SELECT DISTINCT c.tenant_id, c.id, t FROM customer c, unnest(c.tags) t;
ALTER TABLE customer FORCE ROW LEVEL SECURITY;
ALTER TABLE customer_tag FORCE ROW LEVEL SECURITY;
-- Unused now that tag filters go through customer_tag; it only slowed writes (and imports) down.
DROP INDEX customer_tags_ix;

--changeset meike:006-customer-import
-- An uploaded CSV of customers: validated on upload (the report), applied on commit. The file is kept only
-- until it is committed, since it holds personal data.
CREATE TABLE customer_import (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  file_name varchar(200),
  status varchar(12) NOT NULL CHECK (status IN ('VALIDATED', 'COMMITTED')),
  content text,
  total_rows integer NOT NULL,
  new_rows integer NOT NULL,
  changed_rows integer NOT NULL,
  unchanged_rows integer NOT NULL,
  invalid_rows integer NOT NULL,
  issue_count integer NOT NULL,
  issues jsonb NOT NULL,
  ignored_columns text[] NOT NULL,
  created_by varchar(64) NOT NULL,
  committed_by varchar(64),
  committed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK ((status = 'COMMITTED') = (committed_at IS NOT NULL)),
  CHECK (status = 'VALIDATED' OR content IS NULL)
);
ALTER TABLE customer_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customer_import
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON customer_import TO ${app_role};
