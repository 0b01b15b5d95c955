--liquibase formatted sql

--changeset meike:018-stored-value-imports
-- Opening balances from the system a chain migrates from: an uploaded file and its per-row report. The file is kept
-- until the commit (it is checked again then) and dropped after it, since it holds phone numbers.
CREATE TABLE stored_value_import (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  file_name varchar(200),
  status varchar(12) NOT NULL CHECK (status IN ('VALIDATED', 'COMMITTED')),
  content text,
  default_clinic_id uuid,
  total_rows integer NOT NULL CHECK (total_rows >= 0),
  ok_rows integer NOT NULL CHECK (ok_rows >= 0),
  error_rows integer NOT NULL CHECK (error_rows >= 0),
  duplicate_rows integer NOT NULL CHECK (duplicate_rows >= 0),
  principal bigint NOT NULL CHECK (principal >= 0),
  bonus bigint NOT NULL CHECK (bonus >= 0),
  report_rows jsonb NOT NULL,
  ignored_columns text[] NOT NULL,
  created_by varchar(64) NOT NULL,
  committed_by varchar(64),
  committed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, default_clinic_id) REFERENCES clinic (tenant_id, id),
  CHECK (total_rows = ok_rows + error_rows + duplicate_rows),
  CHECK ((status = 'COMMITTED') = (committed_at IS NOT NULL AND committed_by IS NOT NULL)),
  CHECK (status = 'VALIDATED' OR content IS NULL)
);
CREATE INDEX stored_value_import_list_ix ON stored_value_import (tenant_id, id DESC);

-- Every opening balance brought in: one lot and its OPENING entry per row. A customer gets an old card (by its
-- external reference, or by the row's figures when there is none) once, whatever the file or import.
CREATE TABLE stored_value_opening (
  tenant_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  import_id uuid NOT NULL,
  row_no integer NOT NULL CHECK (row_no >= 2),
  customer_id uuid NOT NULL,
  account_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  dedupe_key varchar(120) NOT NULL,
  external_reference varchar(100),
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, lot_id),
  UNIQUE (tenant_id, customer_id, dedupe_key),
  UNIQUE (tenant_id, import_id, row_no),
  FOREIGN KEY (tenant_id, lot_id) REFERENCES stored_value_lot (tenant_id, id),
  FOREIGN KEY (tenant_id, import_id) REFERENCES stored_value_import (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES stored_value_account (tenant_id, id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES stored_value_entry (tenant_id, id)
);
CREATE TRIGGER stored_value_opening_append_only BEFORE UPDATE OR DELETE ON stored_value_opening
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

ALTER TABLE stored_value_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_import
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_opening ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_opening FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_opening
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON stored_value_import TO ${app_role};
GRANT SELECT, INSERT ON stored_value_opening TO ${app_role};
