--liquibase formatted sql

--changeset meike:016-session-packs
-- A session-pack template (次卡/疗程卡): items x sessions for one price, sold and redeemed at its clinics. The
-- price's split over the items follows their standalone prices (list price x sessions) and is computed, not stored.
CREATE TABLE pack_template (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  code varchar(30) NOT NULL,
  name varchar(100) NOT NULL,
  description varchar(1000),
  price bigint NOT NULL CHECK (price BETWEEN 0 AND 100000000000),
  validity_days integer NOT NULL CHECK (validity_days BETWEEN 1 AND 3650),
  all_clinics boolean NOT NULL,
  clinic_ids uuid[] NOT NULL,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (all_clinics = (cardinality(clinic_ids) = 0))
);
CREATE UNIQUE INDEX pack_template_code_uq ON pack_template (tenant_id, lower(code));
CREATE INDEX pack_template_clinics_ix ON pack_template USING gin (clinic_ids);

CREATE TABLE pack_template_item (
  tenant_id uuid NOT NULL,
  template_id uuid NOT NULL,
  item_id uuid NOT NULL,
  item_no smallint NOT NULL CHECK (item_no BETWEEN 1 AND 10),
  sessions integer NOT NULL CHECK (sessions BETWEEN 1 AND 100),
  min_interval_days integer CHECK (min_interval_days BETWEEN 0 AND 365),
  PRIMARY KEY (tenant_id, template_id, item_id),
  UNIQUE (tenant_id, template_id, item_no),
  FOREIGN KEY (tenant_id, template_id) REFERENCES pack_template (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id)
);

-- An order line sells either an item or packs of a template, never both.
ALTER TABLE order_line ALTER COLUMN item_id DROP NOT NULL;
ALTER TABLE order_line ALTER COLUMN category DROP NOT NULL;
ALTER TABLE order_line ADD COLUMN pack_template_id uuid;
ALTER TABLE order_line ADD CONSTRAINT order_line_item_or_pack CHECK ((item_id IS NULL) <> (pack_template_id IS NULL));
ALTER TABLE order_line ADD CONSTRAINT order_line_category_of_item CHECK ((item_id IS NULL) = (category IS NULL));
ALTER TABLE order_line ADD CONSTRAINT order_line_pack_template_fk
  FOREIGN KEY (tenant_id, pack_template_id) REFERENCES pack_template (tenant_id, id);
CREATE INDEX order_line_pack_template_ix ON order_line (tenant_id, pack_template_id) WHERE pack_template_id IS NOT NULL;

-- A customer's pack: one per unit of a paid pack line, with the template's items, clinics and validity as sold.
-- `state` is what staff set (FROZEN, REFUNDED); EXPIRED and USED_UP follow from expires_at and remaining.
-- `remaining` is the sum of the items' remaining sessions, kept under this row's lock with them.
CREATE TABLE session_pack (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  template_id uuid NOT NULL,
  template_name varchar(100) NOT NULL,
  order_id uuid NOT NULL,
  order_line_no smallint NOT NULL,
  unit_no integer NOT NULL CHECK (unit_no BETWEEN 1 AND 999),
  sold_at_clinic_id uuid NOT NULL,
  all_clinics boolean NOT NULL,
  clinic_ids uuid[] NOT NULL,
  state varchar(10) NOT NULL CHECK (state IN ('ACTIVE', 'FROZEN', 'REFUNDED')),
  sessions integer NOT NULL CHECK (sessions BETWEEN 1 AND 1000),
  remaining integer NOT NULL,
  paid_value bigint NOT NULL CHECK (paid_value >= 0),
  refunded_value bigint NOT NULL,
  purchased_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  frozen_at timestamptz,
  refunded_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  -- A paid line issues its packs once.
  UNIQUE (tenant_id, order_id, order_line_no, unit_no),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, template_id) REFERENCES pack_template (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id, order_line_no) REFERENCES order_line (tenant_id, order_id, line_no),
  FOREIGN KEY (tenant_id, sold_at_clinic_id) REFERENCES clinic (tenant_id, id),
  CHECK (remaining BETWEEN 0 AND sessions),
  CHECK (refunded_value BETWEEN 0 AND paid_value),
  CHECK (expires_at > purchased_at),
  CHECK (all_clinics = (cardinality(clinic_ids) = 0)),
  CHECK ((state = 'FROZEN') = (frozen_at IS NOT NULL)),
  CHECK ((state = 'REFUNDED') = (refunded_at IS NOT NULL)),
  CHECK (state = 'REFUNDED' OR refunded_value = 0),
  CHECK (state <> 'REFUNDED' OR remaining = 0)
);
CREATE INDEX session_pack_customer_ix ON session_pack (tenant_id, customer_id, id);
CREATE INDEX session_pack_clinic_ix ON session_pack (tenant_id, sold_at_clinic_id);
CREATE INDEX session_pack_clinics_ix ON session_pack USING gin (clinic_ids);

CREATE TABLE session_pack_item (
  tenant_id uuid NOT NULL,
  pack_id uuid NOT NULL,
  item_id uuid NOT NULL,
  item_no smallint NOT NULL CHECK (item_no BETWEEN 1 AND 10),
  item_name varchar(100) NOT NULL,
  sessions integer NOT NULL CHECK (sessions BETWEEN 1 AND 100),
  remaining integer NOT NULL,
  min_interval_days integer CHECK (min_interval_days BETWEEN 0 AND 365),
  paid_value bigint NOT NULL CHECK (paid_value >= 0),
  last_redeemed_at timestamptz,
  PRIMARY KEY (tenant_id, pack_id, item_id),
  UNIQUE (tenant_id, pack_id, item_no),
  FOREIGN KEY (tenant_id, pack_id) REFERENCES session_pack (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id),
  CHECK (remaining BETWEEN 0 AND sessions)
);

-- The pack's ledger: append-only. `sessions` is the signed change of the pack's remaining sessions, `value` the
-- value of those sessions (unsigned; its direction is the sessions').
CREATE TABLE session_pack_entry (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  pack_id uuid NOT NULL,
  kind varchar(10) NOT NULL
    CHECK (kind IN ('ISSUE', 'REDEEM', 'REVERSAL', 'REFUND', 'FREEZE', 'UNFREEZE', 'EXTEND')),
  sessions integer NOT NULL,
  remaining_after integer NOT NULL CHECK (remaining_after >= 0),
  value bigint NOT NULL CHECK (value >= 0),
  visit_id uuid,
  clinic_id uuid NOT NULL,
  clinician_id uuid,
  interval_override_reason varchar(500),
  reversal_of uuid,
  reason varchar(500),
  previous_expires_at timestamptz,
  expires_at timestamptz,
  order_id uuid,
  refund_id uuid,
  actor_id varchar(64) NOT NULL,
  actor_name varchar(100),
  request_id varchar(64),
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pack_id) REFERENCES session_pack (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, clinician_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, reversal_of) REFERENCES session_pack_entry (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  FOREIGN KEY (tenant_id, refund_id) REFERENCES order_refund (tenant_id, id),
  CHECK (CASE kind
           WHEN 'ISSUE' THEN sessions > 0 AND order_id IS NOT NULL
           WHEN 'REDEEM' THEN sessions = -1 AND visit_id IS NOT NULL AND clinician_id IS NOT NULL
           WHEN 'REVERSAL' THEN sessions = 1 AND reason IS NOT NULL
           WHEN 'REFUND' THEN sessions < 0 AND reason IS NOT NULL AND order_id IS NOT NULL
           WHEN 'EXTEND' THEN sessions = 0 AND reason IS NOT NULL AND expires_at > previous_expires_at
           WHEN 'UNFREEZE' THEN sessions = 0 AND reason IS NOT NULL AND expires_at >= previous_expires_at
           ELSE sessions = 0 AND reason IS NOT NULL
         END),
  CHECK ((kind = 'REVERSAL') = (reversal_of IS NOT NULL)),
  CHECK (kind = 'REDEEM' OR interval_override_reason IS NULL),
  CHECK ((kind IN ('EXTEND', 'UNFREEZE')) = (expires_at IS NOT NULL AND previous_expires_at IS NOT NULL))
);
-- A pack is issued once and refunded once; a redemption is reversed once.
CREATE UNIQUE INDEX session_pack_entry_once_uq ON session_pack_entry (tenant_id, pack_id, kind)
  WHERE kind IN ('ISSUE', 'REFUND');
CREATE UNIQUE INDEX session_pack_entry_reversal_uq ON session_pack_entry (tenant_id, reversal_of)
  WHERE reversal_of IS NOT NULL;
CREATE INDEX session_pack_entry_pack_ix ON session_pack_entry (tenant_id, pack_id, id DESC);
CREATE INDEX session_pack_entry_redeemed_ix ON session_pack_entry (tenant_id, occurred_at) WHERE kind = 'REDEEM';
CREATE TRIGGER session_pack_entry_append_only BEFORE UPDATE OR DELETE ON session_pack_entry
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

-- What an entry moved per item: the sum of an item's `sessions` is its remaining sessions, the sum of its signed
-- `value` the value of those sessions (what a refund would return, and the liability).
CREATE TABLE session_pack_entry_item (
  tenant_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  item_id uuid NOT NULL,
  pack_id uuid NOT NULL,
  sessions integer NOT NULL CHECK (sessions <> 0),
  value bigint NOT NULL,
  PRIMARY KEY (tenant_id, entry_id, item_id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES session_pack_entry (tenant_id, id),
  FOREIGN KEY (tenant_id, pack_id, item_id) REFERENCES session_pack_item (tenant_id, pack_id, item_id),
  CHECK (value = 0 OR sign(value) = sign(sessions))
);
CREATE INDEX session_pack_entry_item_pack_ix ON session_pack_entry_item (tenant_id, pack_id, item_id);
CREATE TRIGGER session_pack_entry_item_append_only BEFORE UPDATE OR DELETE ON session_pack_entry_item
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

ALTER TABLE pack_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE pack_template FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pack_template
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE pack_template_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE pack_template_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pack_template_item
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE session_pack ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_pack FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_pack
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE session_pack_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_pack_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_pack_item
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE session_pack_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_pack_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_pack_entry
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE session_pack_entry_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_pack_entry_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_pack_entry_item
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Templates are archived, never deleted; their item lists are replaced when edited. Packs are never deleted.
GRANT SELECT, INSERT, UPDATE ON pack_template, pack_template_item, session_pack, session_pack_item TO ${app_role};
GRANT DELETE ON pack_template_item TO ${app_role};
-- The ledger is append-only for the app: no UPDATE or DELETE, and a trigger for everyone else.
GRANT SELECT, INSERT ON session_pack_entry, session_pack_entry_item TO ${app_role};
