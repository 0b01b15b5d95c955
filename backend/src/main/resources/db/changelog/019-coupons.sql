--liquibase formatted sql

--changeset meike:019-coupon-types
-- A coupon type (券种), set by the chain admin. CASH_VOUCHER takes `amount_off` off; DISCOUNT_PERCENT takes
-- `percent_off` percent (at most `max_discount`); EXPERIENCE_VOUCHER makes one unit of one eligible item free.
-- `min_spend` is what the eligible lines must come to before the coupon applies. Validity is a fixed window
-- (`valid_from`..`valid_until`) or `valid_days` from issue. `face_value` is what a gift of it costs a consultant's
-- monthly budget. Eligible lines: every item (`all_items`), or items named in `item_ids` or of `categories`.
CREATE TABLE coupon_type (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  code varchar(30) NOT NULL,
  name varchar(100) NOT NULL,
  kind varchar(20) NOT NULL CHECK (kind IN ('CASH_VOUCHER', 'EXPERIENCE_VOUCHER', 'DISCOUNT_PERCENT')),
  amount_off bigint CHECK (amount_off BETWEEN 1 AND 100000000000),
  percent_off numeric(5, 2) CHECK (percent_off > 0 AND percent_off <= 100),
  max_discount bigint CHECK (max_discount BETWEEN 1 AND 100000000000),
  min_spend bigint NOT NULL CHECK (min_spend BETWEEN 0 AND 100000000000),
  face_value bigint NOT NULL CHECK (face_value BETWEEN 0 AND 100000000000),
  valid_from timestamptz,
  valid_until timestamptz,
  valid_days integer CHECK (valid_days BETWEEN 1 AND 3650),
  stacking varchar(10) NOT NULL CHECK (stacking IN ('EXCLUSIVE', 'STACKABLE')),
  all_items boolean NOT NULL,
  item_ids uuid[] NOT NULL,
  categories varchar(20)[] NOT NULL,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK ((kind = 'CASH_VOUCHER') = (amount_off IS NOT NULL)),
  CHECK ((kind = 'DISCOUNT_PERCENT') = (percent_off IS NOT NULL)),
  CHECK (kind = 'DISCOUNT_PERCENT' OR max_discount IS NULL),
  CHECK ((valid_days IS NULL) = (valid_until IS NOT NULL)),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from),
  CHECK (valid_days IS NULL OR valid_from IS NULL),
  CHECK (all_items = (cardinality(item_ids) = 0 AND cardinality(categories) = 0))
);
CREATE UNIQUE INDEX coupon_type_code_uq ON coupon_type (tenant_id, lower(code));

-- A consultant's gift budget for one month (the first day of the month in the chain's zone): `used` is the face
-- value of the gifts issued from it, never more than `amount`; the single conditional UPDATE that draws on it is
-- what keeps concurrent gifts within budget.
CREATE TABLE coupon_gift_budget (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  staff_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  amount bigint NOT NULL CHECK (amount BETWEEN 0 AND 100000000000),
  used bigint NOT NULL CHECK (used >= 0),
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, staff_id, month),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id),
  CHECK (used <= amount)
);

-- A customer's coupon. ISSUED until it is REDEEMED by a paid order, EXPIRED by the daily job or VOIDED with a
-- reason. `source_ref` names what issued it (a campaign, a referral); one customer gets one coupon of a type per
-- source reference, which makes system issuing and re-run campaigns idempotent.
CREATE TABLE coupon (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  coupon_type_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  status varchar(10) NOT NULL CHECK (status IN ('ISSUED', 'REDEEMED', 'EXPIRED', 'VOIDED')),
  source varchar(20) NOT NULL CHECK (source IN ('CAMPAIGN', 'BIRTHDAY', 'CONSULTANT_GIFT', 'REFERRAL_REWARD')),
  source_ref varchar(100),
  note varchar(300),
  issued_by varchar(64) NOT NULL,
  gift_staff_id uuid,
  gift_month date,
  face_value bigint NOT NULL CHECK (face_value >= 0),
  issued_at timestamptz NOT NULL,
  valid_from timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  order_id uuid,
  redeemed_at timestamptz,
  discount bigint NOT NULL DEFAULT 0 CHECK (discount >= 0),
  order_revenue bigint NOT NULL DEFAULT 0 CHECK (order_revenue >= 0),
  expired_at timestamptz,
  voided_at timestamptz,
  void_reason varchar(300),
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, coupon_type_id) REFERENCES coupon_type (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, gift_staff_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  CHECK (expires_at > valid_from),
  CHECK ((source = 'CONSULTANT_GIFT') = (gift_staff_id IS NOT NULL AND gift_month IS NOT NULL)),
  CHECK ((status = 'REDEEMED') = (order_id IS NOT NULL AND redeemed_at IS NOT NULL)),
  CHECK ((status = 'EXPIRED') = (expired_at IS NOT NULL)),
  CHECK ((status = 'VOIDED') = (voided_at IS NOT NULL AND void_reason IS NOT NULL))
);
CREATE UNIQUE INDEX coupon_source_ref_uq ON coupon (tenant_id, coupon_type_id, customer_id, source, source_ref)
  WHERE source_ref IS NOT NULL;
CREATE INDEX coupon_customer_ix ON coupon (tenant_id, customer_id, id);
CREATE INDEX coupon_type_ix ON coupon (tenant_id, coupon_type_id, status);
CREATE INDEX coupon_order_ix ON coupon (tenant_id, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX coupon_due_ix ON coupon (tenant_id, expires_at) WHERE status = 'ISSUED';
CREATE INDEX coupon_source_ix ON coupon (tenant_id, source_ref) WHERE source_ref IS NOT NULL;

-- A coupon applied to a draft order, with the discount it gives there. Applying reserves nothing: many drafts may
-- carry one coupon, and the first of them to be paid redeems it.
CREATE TABLE coupon_application (
  tenant_id uuid NOT NULL,
  order_id uuid NOT NULL,
  coupon_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 10),
  discount bigint NOT NULL CHECK (discount > 0),
  PRIMARY KEY (tenant_id, order_id, coupon_id),
  UNIQUE (tenant_id, order_id, position),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  FOREIGN KEY (tenant_id, coupon_id) REFERENCES coupon (tenant_id, id)
);
CREATE INDEX coupon_application_coupon_ix ON coupon_application (tenant_id, coupon_id);

-- Coupons discount order lines after the tier discount: net = unit price x quantity - line - tier - coupon discount.
ALTER TABLE order_line ADD COLUMN coupon_discount bigint NOT NULL DEFAULT 0 CHECK (coupon_discount >= 0);

ALTER TABLE coupon_type ENABLE ROW LEVEL SECURITY;
ALTER TABLE coupon_type FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coupon_type
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE coupon_gift_budget ENABLE ROW LEVEL SECURITY;
ALTER TABLE coupon_gift_budget FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coupon_gift_budget
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE coupon ENABLE ROW LEVEL SECURITY;
ALTER TABLE coupon FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coupon
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE coupon_application ENABLE ROW LEVEL SECURITY;
ALTER TABLE coupon_application FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coupon_application
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE ON coupon_type, coupon_gift_budget, coupon TO ${app_role};
GRANT SELECT, INSERT, DELETE ON coupon_application TO ${app_role};

--changeset meike:019-order-line-net-with-coupons splitStatements:false
DO $$
DECLARE
  old_check text;
BEGIN
  SELECT conname INTO STRICT old_check FROM pg_constraint
   WHERE conrelid = 'order_line'::regclass AND contype = 'c'
     AND pg_get_constraintdef(oid) LIKE '%net = %tier_discount%';
  EXECUTE format('ALTER TABLE order_line DROP CONSTRAINT %I', old_check);
END $$;
ALTER TABLE order_line ADD CONSTRAINT order_line_net
  CHECK (net = unit_price * quantity - line_discount - tier_discount - coupon_discount);
