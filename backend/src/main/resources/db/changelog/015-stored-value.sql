--liquibase formatted sql

--changeset meike:015-stored-value-plans
-- What the chain sells: pay `price`, get `value` to spend (the difference is bonus), sold and spent at its clinics,
-- bought within an optional window of days, each lot usable for validity_days (null: never expires).
CREATE TABLE stored_value_plan (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  code varchar(30) NOT NULL,
  name varchar(100) NOT NULL,
  description varchar(500),
  price bigint NOT NULL CHECK (price > 0),
  value bigint NOT NULL CHECK (value <= 100000000000),
  validity_days integer CHECK (validity_days BETWEEN 1 AND 3650),
  all_clinics boolean NOT NULL,
  clinic_ids uuid[] NOT NULL DEFAULT '{}',
  available_from date,
  available_until date,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (value >= price),
  CHECK (all_clinics = (cardinality(clinic_ids) = 0)),
  CHECK (available_until IS NULL OR available_from IS NULL OR available_until >= available_from)
);
CREATE UNIQUE INDEX stored_value_plan_code_uq ON stored_value_plan (tenant_id, lower(code));

ALTER TABLE stored_value_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_plan
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON stored_value_plan TO ${app_role};

--changeset meike:015-stored-value-ledger
-- The chain's rules: one row per chain, created with the chain (the chains there already get the defaults here).
CREATE TABLE stored_value_rules (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  debit_order varchar(15) NOT NULL CHECK (debit_order IN ('PRO_RATA', 'PRINCIPAL_FIRST')),
  reminder_days integer NOT NULL CHECK (reminder_days BETWEEN 0 AND 365),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id)
);
SELECT set_config('app.platform', 'on', true);
INSERT INTO stored_value_rules (tenant_id, id, debit_order, reminder_days, created_at, updated_at, version)
SELECT id, gen_random_uuid(), 'PRO_RATA', 30, now(), now(), 0 FROM tenant;
SELECT set_config('app.platform', '', true);

-- One account per customer. The cached buckets are sums of the ledger, moved in each entry's own transaction
-- under this row's lock, so parallel debits queue here and never overdraw: principal and bonus are spendable,
-- the expired ones wait for a reactivation.
CREATE TABLE stored_value_account (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  status varchar(6) NOT NULL CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED')),
  principal bigint NOT NULL CHECK (principal >= 0),
  bonus bigint NOT NULL CHECK (bonus >= 0),
  expired_principal bigint NOT NULL CHECK (expired_principal >= 0),
  expired_bonus bigint NOT NULL CHECK (expired_bonus >= 0),
  frozen_reason varchar(500),
  frozen_at timestamptz,
  frozen_by varchar(64),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  CHECK ((status = 'FROZEN') = (frozen_reason IS NOT NULL AND frozen_at IS NOT NULL AND frozen_by IS NOT NULL)),
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
  CHECK (status <> 'CLOSED' OR principal + bonus + expired_principal + expired_bonus = 0)
);
CREATE INDEX stored_value_account_list_ix ON stored_value_account (tenant_id, id DESC);

-- A sale of a plan: what was paid for it is in its TOP_UP entry's tenders.
CREATE TABLE stored_value_top_up (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  plan_name varchar(100) NOT NULL,
  clinic_id uuid NOT NULL,
  consultant_id uuid,
  price bigint NOT NULL CHECK (price > 0),
  value bigint NOT NULL,
  topped_up_at timestamptz NOT NULL,
  topped_up_by varchar(64) NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES stored_value_account (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES stored_value_plan (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, consultant_id) REFERENCES staff (tenant_id, id),
  CHECK (value >= price)
);

-- A lot: principal P and bonus B that came in together, with the terms it was sold under (debit order, clinics,
-- expiry). Every bucket is moved only by ledger allocations: P = remaining + consumed + expired + out (refunded or
-- transferred), and the same for B, so nothing can appear or vanish.
CREATE TABLE stored_value_lot (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  source varchar(12) NOT NULL CHECK (source IN ('TOP_UP', 'OPENING', 'TRANSFER_IN', 'ADJUSTMENT', 'REVERSAL')),
  status varchar(7) NOT NULL CHECK (status IN ('LIVE', 'EXPIRED', 'CLOSED')),
  plan_id uuid,
  top_up_id uuid,
  origin_lot_id uuid,
  principal bigint NOT NULL CHECK (principal >= 0),
  bonus bigint NOT NULL CHECK (bonus >= 0),
  principal_remaining bigint NOT NULL CHECK (principal_remaining >= 0),
  bonus_remaining bigint NOT NULL CHECK (bonus_remaining >= 0),
  principal_consumed bigint NOT NULL CHECK (principal_consumed >= 0),
  bonus_consumed bigint NOT NULL CHECK (bonus_consumed >= 0),
  expired_principal bigint NOT NULL CHECK (expired_principal >= 0),
  expired_bonus bigint NOT NULL CHECK (expired_bonus >= 0),
  principal_out bigint NOT NULL CHECK (principal_out >= 0),
  bonus_out bigint NOT NULL CHECK (bonus_out >= 0),
  debit_order varchar(15) NOT NULL CHECK (debit_order IN ('PRO_RATA', 'PRINCIPAL_FIRST')),
  all_clinics boolean NOT NULL,
  clinic_ids uuid[] NOT NULL DEFAULT '{}',
  sold_at_clinic_id uuid,
  validity_days integer CHECK (validity_days BETWEEN 1 AND 3650),
  topped_up_at timestamptz NOT NULL,
  expires_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES stored_value_account (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES stored_value_plan (tenant_id, id),
  FOREIGN KEY (tenant_id, top_up_id) REFERENCES stored_value_top_up (tenant_id, id),
  FOREIGN KEY (tenant_id, origin_lot_id) REFERENCES stored_value_lot (tenant_id, id),
  FOREIGN KEY (tenant_id, sold_at_clinic_id) REFERENCES clinic (tenant_id, id),
  CHECK (principal + bonus > 0 AND principal + bonus <= 100000000000),
  CHECK (principal = principal_remaining + principal_consumed + expired_principal + principal_out),
  CHECK (bonus = bonus_remaining + bonus_consumed + expired_bonus + bonus_out),
  CHECK (status <> 'LIVE' OR expired_principal + expired_bonus = 0),
  CHECK (status <> 'CLOSED' OR principal_remaining + bonus_remaining + expired_principal + expired_bonus = 0),
  CHECK (all_clinics = (cardinality(clinic_ids) = 0)),
  CHECK ((source = 'TOP_UP') = (top_up_id IS NOT NULL)),
  CHECK ((source IN ('TRANSFER_IN', 'REVERSAL')) = (origin_lot_id IS NOT NULL))
);
CREATE UNIQUE INDEX stored_value_lot_top_up_uq ON stored_value_lot (tenant_id, top_up_id) WHERE top_up_id IS NOT NULL;
CREATE INDEX stored_value_lot_account_ix ON stored_value_lot (tenant_id, account_id, topped_up_at, id);
CREATE INDEX stored_value_lot_expiry_ix ON stored_value_lot (tenant_id, expires_at)
  WHERE status <> 'CLOSED' AND principal_remaining + bonus_remaining > 0;
CREATE INDEX stored_value_lot_clinic_ix ON stored_value_lot (tenant_id, sold_at_clinic_id, account_id);

-- The ledger: append-only, signed changes of the spendable principal and bonus with the balances after each.
CREATE TABLE stored_value_entry (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  kind varchar(12) NOT NULL CHECK (kind IN ('TOP_UP', 'OPENING', 'DEBIT', 'REVERSAL', 'REFUND', 'EXPIRE',
                                            'REACTIVATE', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUST')),
  principal bigint NOT NULL,
  bonus bigint NOT NULL,
  principal_after bigint NOT NULL CHECK (principal_after >= 0),
  bonus_after bigint NOT NULL CHECK (bonus_after >= 0),
  -- REFUND only: the money paid back (the formula's value) and what left the lots without being paid back.
  refund_amount bigint CHECK (refund_amount >= 0),
  forfeited_bonus bigint CHECK (forfeited_bonus >= 0),
  clinic_id uuid,
  order_id uuid,
  refund_id uuid,
  top_up_id uuid,
  visit_id uuid,
  reference varchar(100),
  note varchar(500),
  reverses_entry_id uuid,
  counterparty_account_id uuid,
  reason varchar(500),
  actor_id varchar(64) NOT NULL,
  actor_name varchar(100),
  request_id varchar(64),
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES stored_value_account (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  FOREIGN KEY (tenant_id, top_up_id) REFERENCES stored_value_top_up (tenant_id, id),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES visit (tenant_id, id),
  FOREIGN KEY (tenant_id, reverses_entry_id) REFERENCES stored_value_entry (tenant_id, id),
  FOREIGN KEY (tenant_id, counterparty_account_id) REFERENCES stored_value_account (tenant_id, id),
  CHECK (CASE kind
           WHEN 'TOP_UP' THEN principal > 0 AND bonus >= 0 AND top_up_id IS NOT NULL AND clinic_id IS NOT NULL
           WHEN 'OPENING' THEN principal >= 0 AND bonus >= 0 AND principal + bonus > 0
           WHEN 'DEBIT' THEN principal <= 0 AND bonus <= 0 AND principal + bonus < 0 AND clinic_id IS NOT NULL
           WHEN 'REVERSAL' THEN principal >= 0 AND bonus >= 0 AND principal + bonus > 0
             AND reverses_entry_id IS NOT NULL
           WHEN 'REFUND' THEN principal <= 0 AND bonus <= 0 AND reason IS NOT NULL
             AND refund_amount + forfeited_bonus = -(principal + bonus)
           WHEN 'EXPIRE' THEN principal <= 0 AND bonus <= 0 AND principal + bonus < 0
           WHEN 'REACTIVATE' THEN principal >= 0 AND bonus >= 0 AND principal + bonus > 0 AND reason IS NOT NULL
           WHEN 'TRANSFER_OUT' THEN principal <= 0 AND bonus <= 0 AND principal + bonus < 0
             AND counterparty_account_id IS NOT NULL AND reason IS NOT NULL
           WHEN 'TRANSFER_IN' THEN principal >= 0 AND bonus >= 0 AND principal + bonus > 0
             AND counterparty_account_id IS NOT NULL AND reason IS NOT NULL
           ELSE ((principal >= 0 AND bonus >= 0) OR (principal <= 0 AND bonus <= 0)) AND principal + bonus <> 0
             AND reason IS NOT NULL
         END),
  CHECK ((kind = 'REFUND') = (refund_amount IS NOT NULL AND forfeited_bonus IS NOT NULL)),
  CHECK (refund_id IS NULL OR (kind = 'REVERSAL' AND order_id IS NOT NULL))
);
CREATE INDEX stored_value_entry_account_ix ON stored_value_entry (tenant_id, account_id, id DESC);
CREATE INDEX stored_value_entry_occurred_ix ON stored_value_entry (tenant_id, occurred_at);
-- An order is paid by stored value once, a raw debit is reversed once, an order refund gives back once.
CREATE UNIQUE INDEX stored_value_entry_order_debit_uq ON stored_value_entry (tenant_id, order_id) WHERE kind = 'DEBIT';
CREATE UNIQUE INDEX stored_value_entry_reversal_uq ON stored_value_entry (tenant_id, reverses_entry_id)
  WHERE kind = 'REVERSAL' AND refund_id IS NULL;
CREATE UNIQUE INDEX stored_value_entry_refund_uq ON stored_value_entry (tenant_id, refund_id) WHERE refund_id IS NOT NULL;
CREATE TRIGGER stored_value_entry_append_only BEFORE UPDATE OR DELETE ON stored_value_entry
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

-- What an entry took from (negative) or gave to (positive) each lot, in the order it took them.
CREATE TABLE stored_value_allocation (
  tenant_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  lot_id uuid NOT NULL,
  principal bigint NOT NULL,
  bonus bigint NOT NULL,
  -- REFUND entries only: what this lot paid back.
  refund_amount bigint CHECK (refund_amount >= 0),
  PRIMARY KEY (tenant_id, entry_id, seq),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES stored_value_entry (tenant_id, id),
  FOREIGN KEY (tenant_id, lot_id) REFERENCES stored_value_lot (tenant_id, id),
  CHECK (principal <> 0 OR bonus <> 0),
  CHECK ((principal >= 0 AND bonus >= 0) OR (principal <= 0 AND bonus <= 0))
);
CREATE INDEX stored_value_allocation_lot_ix ON stored_value_allocation (tenant_id, lot_id);
CREATE TRIGGER stored_value_allocation_append_only BEFORE UPDATE OR DELETE ON stored_value_allocation
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

-- How a top-up was paid, or a refund paid back: external money, recorded, not processed.
CREATE TABLE stored_value_tender (
  tenant_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  tender_no smallint NOT NULL CHECK (tender_no BETWEEN 1 AND 10),
  method varchar(12) NOT NULL CHECK (method IN ('CASH', 'BANK_CARD', 'WECHAT_PAY', 'ALIPAY', 'OTHER')),
  amount bigint NOT NULL CHECK (amount > 0),
  reference varchar(100),
  PRIMARY KEY (tenant_id, entry_id, tender_no),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES stored_value_entry (tenant_id, id)
);
CREATE TRIGGER stored_value_tender_append_only BEFORE UPDATE OR DELETE ON stored_value_tender
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();
CREATE TRIGGER stored_value_top_up_append_only BEFORE UPDATE OR DELETE ON stored_value_top_up
  FOR EACH ROW EXECUTE FUNCTION points_ledger_is_append_only();

ALTER TABLE stored_value_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_rules
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_account
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_top_up ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_top_up FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_top_up
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_lot ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_lot FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_lot
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_entry
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_allocation ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_allocation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_allocation
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE stored_value_tender ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_value_tender FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_value_tender
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON stored_value_rules, stored_value_account, stored_value_lot TO ${app_role};
-- The ledger and the sales it records are append-only for the app: no UPDATE or DELETE, and a trigger for everyone.
GRANT SELECT, INSERT ON stored_value_top_up, stored_value_entry, stored_value_allocation, stored_value_tender
  TO ${app_role};

--changeset meike:015-stored-value-order-tenders
-- Orders take stored value as a tender: its principal part is qualifying spend, its bonus part is not; a refund
-- says what went back into the lots.
ALTER TABLE order_tender DROP CONSTRAINT order_tender_method_check;
ALTER TABLE order_tender ADD CONSTRAINT order_tender_method_check
  CHECK (method IN ('CASH', 'BANK_CARD', 'WECHAT_PAY', 'ALIPAY', 'OTHER', 'POINTS', 'STORED_VALUE'));
ALTER TABLE order_tender ADD COLUMN stored_value_principal bigint CHECK (stored_value_principal >= 0);
ALTER TABLE order_tender ADD COLUMN stored_value_bonus bigint CHECK (stored_value_bonus >= 0);
ALTER TABLE order_tender ADD CONSTRAINT order_tender_stored_value_check
  CHECK ((method = 'STORED_VALUE') = (stored_value_principal IS NOT NULL AND stored_value_bonus IS NOT NULL)
         AND (method <> 'STORED_VALUE' OR stored_value_principal + stored_value_bonus = amount));
ALTER TABLE order_refund_tender ADD COLUMN stored_value_principal bigint CHECK (stored_value_principal >= 0);
ALTER TABLE order_refund_tender ADD COLUMN stored_value_bonus bigint CHECK (stored_value_bonus >= 0);
ALTER TABLE order_refund_tender ADD CONSTRAINT order_refund_tender_stored_value_check
  CHECK ((stored_value_principal IS NULL) = (stored_value_bonus IS NULL)
         AND (stored_value_principal IS NULL OR stored_value_principal + stored_value_bonus = amount));

--changeset meike:015-stored-value-spend
-- The principal of a raw stored-value debit is qualifying spend, and its reversal takes it back; tier changes
-- they cause name the stored-value entry as their source.
ALTER TABLE qualifying_spend DROP CONSTRAINT qualifying_spend_check;
ALTER TABLE qualifying_spend DROP CONSTRAINT qualifying_spend_source_check;
ALTER TABLE qualifying_spend ALTER COLUMN source TYPE varchar(21);
ALTER TABLE qualifying_spend ADD CONSTRAINT qualifying_spend_source_check
  CHECK (source IN ('ORDER', 'REFUND', 'STORED_VALUE', 'STORED_VALUE_REVERSAL'));
ALTER TABLE qualifying_spend ADD CONSTRAINT qualifying_spend_check
  CHECK ((source IN ('ORDER', 'STORED_VALUE') AND amount >= 0)
         OR (source IN ('REFUND', 'STORED_VALUE_REVERSAL') AND amount <= 0));
ALTER TABLE tier_change DROP CONSTRAINT tier_change_source_type_check;
ALTER TABLE tier_change DROP CONSTRAINT tier_change_check1;
ALTER TABLE tier_change DROP CONSTRAINT tier_change_check2;
ALTER TABLE tier_change ALTER COLUMN source_type TYPE varchar(12);
ALTER TABLE tier_change ADD CONSTRAINT tier_change_source_type_check
  CHECK (source_type IN ('ORDER', 'REFUND', 'STORED_VALUE', 'JOB', 'STAFF'));
ALTER TABLE tier_change ADD CONSTRAINT tier_change_check1
  CHECK ((reason = 'UPGRADE') <= (source_type IN ('ORDER', 'REFUND', 'STORED_VALUE')));
ALTER TABLE tier_change ADD CONSTRAINT tier_change_check2
  CHECK ((reason = 'REFUND') <= (source_type IN ('REFUND', 'STORED_VALUE')));
