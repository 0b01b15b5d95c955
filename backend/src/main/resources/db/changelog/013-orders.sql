--liquibase formatted sql

--changeset meike:013-orders
-- Receipt numbers: one counter per chain and day, so numbers read as 20261123-0007 and never repeat.
CREATE TABLE order_number_counter (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  day date NOT NULL,
  last_number integer NOT NULL CHECK (last_number > 0),
  PRIMARY KEY (tenant_id, day)
);

CREATE TABLE sales_order (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  number varchar(20) NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  status varchar(20) NOT NULL CHECK (status IN ('DRAFT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOID')),
  consultant_id uuid,
  clinician_id uuid,
  note varchar(500),
  tier_id uuid,
  tier_name varchar(50),
  points_multiplier numeric(6, 2) NOT NULL CHECK (points_multiplier >= 0),
  subtotal bigint NOT NULL CHECK (subtotal >= 0),
  discount bigint NOT NULL CHECK (discount >= 0),
  total bigint NOT NULL CHECK (total >= 0),
  refunded bigint NOT NULL DEFAULT 0,
  qualifying_paid bigint NOT NULL DEFAULT 0 CHECK (qualifying_paid >= 0),
  qualifying_returned bigint NOT NULL DEFAULT 0,
  points_earned bigint NOT NULL DEFAULT 0 CHECK (points_earned >= 0),
  points_reversed bigint NOT NULL DEFAULT 0,
  second_development boolean NOT NULL DEFAULT false,
  paid_at timestamptz,
  paid_by varchar(64),
  void_reason varchar(300),
  created_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, consultant_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, clinician_id) REFERENCES staff (tenant_id, id),
  CHECK (total = subtotal - discount),
  CHECK (refunded BETWEEN 0 AND total),
  CHECK (qualifying_returned BETWEEN 0 AND qualifying_paid),
  CHECK (points_reversed BETWEEN 0 AND points_earned),
  -- Paid exactly when it left the draft other than by voiding; a void reason exactly when void.
  CHECK ((status IN ('DRAFT', 'VOID')) = (paid_at IS NULL)),
  CHECK ((status = 'VOID') = (void_reason IS NOT NULL)),
  CHECK (status <> 'REFUNDED' OR refunded = total),
  CHECK (status <> 'PAID' OR refunded = 0)
);
CREATE UNIQUE INDEX sales_order_number_uq ON sales_order (tenant_id, number);
CREATE INDEX sales_order_time_ix ON sales_order (tenant_id, created_at, id);
CREATE INDEX sales_order_customer_ix ON sales_order (tenant_id, customer_id, created_at, id);
CREATE INDEX sales_order_clinic_ix ON sales_order (tenant_id, clinic_id, created_at, id);
CREATE INDEX sales_order_paid_ix ON sales_order (tenant_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX sales_order_customer_paid_ix ON sales_order (tenant_id, customer_id, paid_at, id) WHERE paid_at IS NOT NULL;

CREATE TABLE order_line (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 50),
  item_id uuid NOT NULL,
  item_name varchar(100) NOT NULL,
  category varchar(20) NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  list_price bigint NOT NULL CHECK (list_price >= 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  line_discount bigint NOT NULL CHECK (line_discount >= 0),
  tier_discount_percent numeric(5, 2) NOT NULL CHECK (tier_discount_percent BETWEEN 0 AND 100),
  tier_discount bigint NOT NULL CHECK (tier_discount >= 0),
  net bigint NOT NULL CHECK (net >= 0),
  refunded bigint NOT NULL DEFAULT 0,
  seeded_by_first_consultant boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, order_id, line_no),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES catalog_item (tenant_id, id),
  CHECK (net = unit_price * quantity - line_discount - tier_discount),
  CHECK (refunded BETWEEN 0 AND net)
);
CREATE INDEX order_line_item_ix ON order_line (tenant_id, item_id);

CREATE TABLE order_tender (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  tender_no smallint NOT NULL CHECK (tender_no BETWEEN 1 AND 10),
  method varchar(12) NOT NULL CHECK (method IN ('CASH', 'BANK_CARD', 'WECHAT_PAY', 'ALIPAY', 'OTHER', 'POINTS')),
  amount bigint NOT NULL CHECK (amount > 0),
  points bigint,
  reference varchar(100),
  refunded bigint NOT NULL DEFAULT 0,
  points_restored bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, order_id, tender_no),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id),
  CHECK ((method = 'POINTS') = (points IS NOT NULL)),
  CHECK (points IS NULL OR points > 0),
  CHECK (refunded BETWEEN 0 AND amount),
  CHECK (points_restored BETWEEN 0 AND coalesce(points, 0))
);

CREATE TABLE order_refund (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  reason varchar(300) NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  money_returned bigint NOT NULL CHECK (money_returned >= 0),
  points_reversed bigint NOT NULL CHECK (points_reversed >= 0),
  points_shortfall bigint NOT NULL CHECK (points_shortfall >= 0),
  shortfall_amount bigint NOT NULL CHECK (shortfall_amount >= 0),
  refunded_at timestamptz NOT NULL,
  refunded_by varchar(64) NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id)
);
CREATE INDEX order_refund_order_ix ON order_refund (tenant_id, order_id, refunded_at);

CREATE TABLE order_refund_line (
  tenant_id uuid NOT NULL,
  refund_id uuid NOT NULL,
  line_no smallint NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (tenant_id, refund_id, line_no),
  FOREIGN KEY (tenant_id, refund_id) REFERENCES order_refund (tenant_id, id)
);

CREATE TABLE order_refund_tender (
  tenant_id uuid NOT NULL,
  refund_id uuid NOT NULL,
  tender_no smallint NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  points bigint CHECK (points IS NULL OR points >= 0),
  PRIMARY KEY (tenant_id, refund_id, tender_no),
  FOREIGN KEY (tenant_id, refund_id) REFERENCES order_refund (tenant_id, id)
);

ALTER TABLE order_number_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_number_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_number_counter
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE sales_order ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_order FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_order
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE order_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_line
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE order_tender ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_tender FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_tender
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE order_refund ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_refund FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_refund
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE order_refund_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_refund_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_refund_line
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE order_refund_tender ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_refund_tender FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_refund_tender
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Orders are never deleted; a draft's lines are replaced when it is edited. Tenders and refunds are history:
-- a refund only counts up the refunded amounts of the order's lines and tenders.
GRANT SELECT, INSERT, UPDATE ON order_number_counter, sales_order, order_line, order_tender TO ${app_role};
GRANT DELETE ON order_line TO ${app_role};
GRANT SELECT, INSERT ON order_refund, order_refund_line, order_refund_tender TO ${app_role};
