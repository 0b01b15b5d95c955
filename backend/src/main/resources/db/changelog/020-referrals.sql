--liquibase formatted sql

--changeset meike:020-referrals
-- The chain's referral rules: a reward for level 1 and optionally level 2. There is no level 3 column on purpose:
-- deeper pay-per-recruit chains are pyramid selling (传销) under Chinese law. A reward is a kind with its parameters
-- (POINTS: points); other kinds add their kind value and parameter columns.
CREATE TABLE referral_rules (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  level1_kind varchar(20) NOT NULL CHECK (level1_kind IN ('POINTS')),
  level1_points bigint NOT NULL CHECK (level1_points BETWEEN 1 AND 10000000),
  level2_kind varchar(20) CHECK (level2_kind IN ('POINTS')),
  level2_points bigint CHECK (level2_points BETWEEN 1 AND 10000000),
  minimum_spend bigint NOT NULL CHECK (minimum_spend BETWEEN 0 AND 100000000000),
  monthly_cap integer CHECK (monthly_cap BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id),
  CHECK ((level2_kind IS NULL) = (level2_points IS NULL))
);

-- A counted referral: one per referee, made by her first paid order with qualifying spend. `minimum_spend` is the
-- rule's minimum when it was counted: refunds that take the first order's spend below it reverse the rewards.
CREATE TABLE referral (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  referee_id uuid NOT NULL,
  referrer_id uuid NOT NULL,
  order_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  consultant_id uuid,
  spend bigint NOT NULL CHECK (spend > 0),
  minimum_spend bigint NOT NULL CHECK (minimum_spend >= 0),
  counted_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, referee_id),
  FOREIGN KEY (tenant_id, referee_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, referrer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES sales_order (tenant_id, id)
);
CREATE INDEX referral_referrer_ix ON referral (tenant_id, referrer_id, counted_at);
CREATE INDEX referral_order_ix ON referral (tenant_id, order_id);

-- The refunds of a referral's first order, once each (a replayed refund event is not counted twice).
CREATE TABLE referral_refund (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  refund_id uuid NOT NULL,
  referee_id uuid NOT NULL,
  money_returned bigint NOT NULL CHECK (money_returned >= 0),
  refunded_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, refund_id),
  FOREIGN KEY (tenant_id, referee_id) REFERENCES referral (tenant_id, referee_id)
);

-- A reward a referral earned an ancestor of the referee (level 1 = her referrer, 2 = his referrer). Reversed when
-- the refunded first order no longer reaches the minimum spend: `taken_back` is what her balance allowed,
-- `shortfall` what she had already spent.
CREATE TABLE referral_reward (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  referee_id uuid NOT NULL,
  beneficiary_id uuid NOT NULL,
  level smallint NOT NULL CHECK (level IN (1, 2)),
  kind varchar(20) NOT NULL CHECK (kind IN ('POINTS')),
  points bigint NOT NULL CHECK (points > 0),
  status varchar(10) NOT NULL CHECK (status IN ('PAID', 'REVERSED')),
  taken_back bigint CHECK (taken_back >= 0),
  shortfall bigint CHECK (shortfall >= 0),
  paid_at timestamptz NOT NULL,
  reversed_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, referee_id, level),
  FOREIGN KEY (tenant_id, referee_id) REFERENCES referral (tenant_id, referee_id),
  FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES customer (tenant_id, id),
  CHECK ((status = 'REVERSED') = (reversed_at IS NOT NULL))
);
CREATE INDEX referral_reward_beneficiary_ix ON referral_reward (tenant_id, beneficiary_id, paid_at);

ALTER TABLE referral_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referral_rules
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referral
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE referral_refund ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_refund FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referral_refund
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE referral_reward ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_reward FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referral_reward
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- referral rows are never changed, only locked (FOR UPDATE needs the UPDATE grant) while a refund is weighed.
GRANT SELECT, INSERT, UPDATE ON referral_rules, referral, referral_reward TO ${app_role};
GRANT SELECT, INSERT ON referral_refund TO ${app_role};
