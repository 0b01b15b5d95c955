--liquibase formatted sql

--changeset meike:001-tenant-functions splitStatements:false
-- The app sets app.tenant_id (and app.platform for the platform operator) on every connection it
-- takes; row-level security policies read them through these functions.
CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
$$;
CREATE FUNCTION app_is_platform() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.platform', true), '') = 'on'
$$;
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event rows are immutable';
END
$$;

--changeset meike:001-tables
CREATE TABLE tenant (
  id uuid PRIMARY KEY,
  slug varchar(40) NOT NULL,
  name varchar(100) NOT NULL,
  status varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  currency char(3) NOT NULL,
  time_zone varchar(50) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL
);
CREATE UNIQUE INDEX tenant_slug_uq ON tenant (slug);

CREATE TABLE clinic (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  code varchar(20) NOT NULL,
  name varchar(100) NOT NULL,
  address varchar(300),
  phone varchar(30),
  time_zone varchar(50) NOT NULL,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX clinic_code_uq ON clinic (tenant_id, lower(code));

CREATE TABLE staff (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  user_id varchar(64),
  username varchar(50) NOT NULL,
  email varchar(200) NOT NULL,
  display_name varchar(100) NOT NULL,
  phone varchar(30),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  all_clinics boolean NOT NULL,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX staff_user_uq ON staff (tenant_id, user_id);
CREATE UNIQUE INDEX staff_username_uq ON staff (tenant_id, lower(username));
CREATE UNIQUE INDEX staff_email_uq ON staff (tenant_id, lower(email));

CREATE TABLE staff_clinic (
  tenant_id uuid NOT NULL,
  staff_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, staff_id, clinic_id),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id)
);
CREATE INDEX staff_clinic_clinic_ix ON staff_clinic (tenant_id, clinic_id);

CREATE TABLE audit_event (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_id varchar(64) NOT NULL,
  actor_name varchar(100),
  action varchar(60) NOT NULL,
  entity_type varchar(30) NOT NULL,
  entity_id uuid NOT NULL,
  request_id varchar(64),
  changes jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_entity_ix ON audit_event (tenant_id, entity_type, entity_id, id DESC);
CREATE INDEX audit_event_time_ix ON audit_event (tenant_id, occurred_at DESC);
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

--changeset meike:001-row-level-security
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_self_or_platform ON tenant
  USING (id = app_current_tenant() OR app_is_platform())
  WITH CHECK (id = app_current_tenant() OR app_is_platform());

ALTER TABLE clinic ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON clinic
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON staff
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

ALTER TABLE staff_clinic ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_clinic FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON staff_clinic
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

--changeset meike:001-grants
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON tenant, clinic, staff TO ${app_role};
GRANT SELECT, INSERT, DELETE ON staff_clinic TO ${app_role};
-- The audit log is append-only for the app: no UPDATE or DELETE, and a trigger for everyone else.
GRANT SELECT, INSERT ON audit_event TO ${app_role};
