--liquibase formatted sql

--changeset meike:012-points-functions splitStatements:false
CREATE FUNCTION points_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: correct the ledger with a new entry', TG_TABLE_NAME;
END
$$;

--changeset meike:012-points
-- The chain's points rules: one row per chain, created with the chain. redeem_points points pay redeem_amount
-- (minor units of the chain's currency).
CREATE TABLE points_rules (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  earn_rate numeric(9, 2) NOT NULL CHECK (earn_rate >= 0 AND earn_rate <= 1000),
  redeem_points bigint NOT NULL CHECK (redeem_points BETWEEN 1 AND 1000000),
  redeem_amount bigint NOT NULL CHECK (redeem_amount BETWEEN 1 AND 100000000000),
  allow_tender boolean NOT NULL,
  expiry_policy varchar(20) NOT NULL CHECK (expiry_policy IN ('END_OF_NEXT_YEAR', 'AFTER_MONTHS')),
  expiry_months integer CHECK (expiry_months BETWEEN 1 AND 120),
  reminder_days integer NOT NULL CHECK (reminder_days BETWEEN 0 AND 365),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id),
  CHECK ((expiry_policy = 'AFTER_MONTHS') = (expiry_months IS NOT NULL))
);
SELECT set_config('app.platform', 'on', true);
INSERT INTO points_rules (tenant_id, id, earn_rate, redeem_points, redeem_amount, allow_tender, expiry_policy,
                          expiry_months, reminder_days, created_at, updated_at, version)
SELECT id, gen_random_uuid(), 1.00, 100, 100, true, 'END_OF_NEXT_YEAR', NULL, 30, now(), now(), 0 FROM tenant;
SELECT set_config('app.platform', '', true);

-- A customer's points: the cached balance is the sum of her entries, kept in the entry's own transaction under
-- this row's lock, so parallel redemptions queue here and never overspend.
CREATE TABLE points_account (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  customer_id uuid NOT NULL,
  balance bigint NOT NULL CHECK (balance >= 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id)
);

-- Points come in lots (an order's earning, an adjustment, a restore); each expires on its own and is spent oldest
-- first. The sum of the remaining points of a customer's lots is her balance.
CREATE TABLE points_lot (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  source varchar(12) NOT NULL CHECK (source IN ('ORDER', 'ADJUSTMENT', 'RESTORE')),
  order_id uuid,
  points bigint NOT NULL CHECK (points > 0),
  remaining bigint NOT NULL CHECK (remaining >= 0 AND remaining <= points),
  earned_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > earned_at),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES points_account (tenant_id, customer_id),
  CHECK ((source = 'ORDER') = (order_id IS NOT NULL))
);
-- An order earns once.
CREATE UNIQUE INDEX points_lot_order_uq ON points_lot (tenant_id, order_id) WHERE source = 'ORDER';
CREATE INDEX points_lot_customer_ix ON points_lot (tenant_id, customer_id, earned_at, id) WHERE remaining > 0;
CREATE INDEX points_lot_expiry_ix ON points_lot (tenant_id, expires_at) WHERE remaining > 0;

-- The ledger: append-only, signed points with the balance after each entry.
CREATE TABLE points_entry (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  kind varchar(8) NOT NULL CHECK (kind IN ('EARN', 'REDEEM', 'EXPIRE', 'REVERSE', 'ADJUST', 'RESTORE')),
  points bigint NOT NULL,
  balance_after bigint NOT NULL CHECK (balance_after >= 0),
  -- REVERSE only: points the refund wanted back that were already spent (the refund nets them in money).
  shortfall bigint CHECK (shortfall >= 0),
  order_id uuid,
  refund_id uuid,
  gift_item_id uuid,
  gift_description varchar(200),
  reason varchar(500),
  actor_id varchar(64) NOT NULL,
  actor_name varchar(100),
  request_id varchar(64),
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES points_account (tenant_id, customer_id),
  FOREIGN KEY (tenant_id, gift_item_id) REFERENCES catalog_item (tenant_id, id),
  CHECK (CASE kind
           WHEN 'EARN' THEN points > 0 AND order_id IS NOT NULL
           WHEN 'RESTORE' THEN points > 0 AND refund_id IS NOT NULL
           WHEN 'REDEEM' THEN points < 0
           WHEN 'EXPIRE' THEN points < 0
           WHEN 'REVERSE' THEN points <= 0 AND refund_id IS NOT NULL AND shortfall IS NOT NULL
           ELSE points <> 0 AND reason IS NOT NULL
         END),
  CHECK (kind = 'REVERSE' OR shortfall IS NULL)
);
-- A refund reverses and restores once.
CREATE UNIQUE INDEX points_entry_refund_uq ON points_entry (tenant_id, refund_id, kind) WHERE refund_id IS NOT NULL;
CREATE INDEX points_entry_customer_ix ON points_entry (tenant_id, customer_id, id DESC);
CREATE INDEX points_entry_order_ix ON points_entry (tenant_id, order_id) WHERE order_id IS NOT NULL;
CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

-- Which lots an entry took from (negative) or gave to (positive), in the order it took them.
CREATE TABLE points_allocation (
  tenant_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  points bigint NOT NULL CHECK (points <> 0),
  PRIMARY KEY (tenant_id, entry_id, seq),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES points_entry (tenant_id, id),
  FOREIGN KEY (tenant_id, lot_id) REFERENCES points_lot (tenant_id, id)
);
CREATE INDEX points_allocation_lot_ix ON points_allocation (tenant_id, lot_id);
CREATE TRIGGER points_allocation_append_only BEFORE UPDATE OR DELETE ON points_allocation
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

ALTER TABLE points_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE points_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON points_rules
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE points_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE points_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON points_account
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE points_lot ENABLE ROW LEVEL SECURITY;
ALTER TABLE points_lot FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON points_lot
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE points_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE points_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON points_entry
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE points_allocation ENABLE ROW LEVEL SECURITY;
ALTER TABLE points_allocation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON points_allocation
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON points_rules, points_account, points_lot TO ${app_role};
-- The ledger is append-only for the app: no UPDATE or DELETE, and a trigger for everyone else.
GRANT SELECT, INSERT ON points_entry, points_allocation TO ${app_role};
