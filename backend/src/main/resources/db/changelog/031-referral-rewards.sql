--liquibase formatted sql

--changeset meike:031-referral-refund-qualifying
-- What a refund of a referral's first order took off her qualifying spend: external money plus stored-value
-- principal. Rows written before it was recorded hold NULL and count their external money only, as they were weighed.
ALTER TABLE referral_refund ADD COLUMN qualifying_returned bigint CHECK (qualifying_returned >= 0);

--changeset meike:031-referral-reward-kinds
-- Reward kinds beside POINTS: COUPON (one coupon of a chain's coupon type) and STORED_VALUE_BONUS (bonus-only
-- stored value, in minor units). Each level's kind carries exactly its own parameter. A cap per member year of the
-- beneficiary joins the monthly cap.
ALTER TABLE referral_rules DROP CONSTRAINT referral_rules_level1_kind_check;
ALTER TABLE referral_rules DROP CONSTRAINT referral_rules_level2_kind_check;
ALTER TABLE referral_rules DROP CONSTRAINT referral_rules_check;
ALTER TABLE referral_rules ALTER COLUMN level1_points DROP NOT NULL;
ALTER TABLE referral_rules
  ADD COLUMN level1_amount bigint CHECK (level1_amount BETWEEN 1 AND 100000000),
  ADD COLUMN level1_coupon_type_id uuid,
  ADD COLUMN level2_amount bigint CHECK (level2_amount BETWEEN 1 AND 100000000),
  ADD COLUMN level2_coupon_type_id uuid,
  ADD COLUMN member_year_cap integer CHECK (member_year_cap BETWEEN 1 AND 10000),
  ADD CONSTRAINT referral_rules_level1_kind_check
    CHECK (level1_kind IN ('POINTS', 'COUPON', 'STORED_VALUE_BONUS')),
  ADD CONSTRAINT referral_rules_level2_kind_check
    CHECK (level2_kind IN ('POINTS', 'COUPON', 'STORED_VALUE_BONUS')),
  ADD CONSTRAINT referral_rules_level1_parameter CHECK (
    (level1_points IS NOT NULL) = (level1_kind = 'POINTS')
    AND (level1_coupon_type_id IS NOT NULL) = (level1_kind = 'COUPON')
    AND (level1_amount IS NOT NULL) = (level1_kind = 'STORED_VALUE_BONUS')),
  ADD CONSTRAINT referral_rules_level2_parameter CHECK (
    (level2_points IS NOT NULL) = (level2_kind IS NOT DISTINCT FROM 'POINTS')
    AND (level2_coupon_type_id IS NOT NULL) = (level2_kind IS NOT DISTINCT FROM 'COUPON')
    AND (level2_amount IS NOT NULL) = (level2_kind IS NOT DISTINCT FROM 'STORED_VALUE_BONUS')),
  ADD FOREIGN KEY (tenant_id, level1_coupon_type_id) REFERENCES coupon_type (tenant_id, id),
  ADD FOREIGN KEY (tenant_id, level2_coupon_type_id) REFERENCES coupon_type (tenant_id, id);

-- A reward of any kind; CAPPED: the referral earned it but a cap (`capped_by`) kept it from being paid, recorded so
-- staff see it. A paid coupon names the coupon issued, a paid bonus the stored-value lot it credited.
ALTER TABLE referral_reward DROP CONSTRAINT referral_reward_kind_check;
ALTER TABLE referral_reward DROP CONSTRAINT referral_reward_points_check;
ALTER TABLE referral_reward DROP CONSTRAINT referral_reward_status_check;
ALTER TABLE referral_reward ALTER COLUMN points DROP NOT NULL;
ALTER TABLE referral_reward
  ADD COLUMN amount bigint CHECK (amount > 0),
  ADD COLUMN coupon_type_id uuid,
  ADD COLUMN coupon_id uuid,
  ADD COLUMN stored_value_lot_id uuid,
  ADD COLUMN capped_by varchar(11) CHECK (capped_by IN ('MONTH', 'MEMBER_YEAR')),
  ADD CONSTRAINT referral_reward_kind_check CHECK (kind IN ('POINTS', 'COUPON', 'STORED_VALUE_BONUS')),
  ADD CONSTRAINT referral_reward_status_check CHECK (status IN ('PAID', 'REVERSED', 'CAPPED')),
  ADD CONSTRAINT referral_reward_points_check CHECK (points > 0),
  ADD CONSTRAINT referral_reward_parameter CHECK (
    (points IS NOT NULL) = (kind = 'POINTS')
    AND (coupon_type_id IS NOT NULL) = (kind = 'COUPON')
    AND (amount IS NOT NULL) = (kind = 'STORED_VALUE_BONUS')),
  ADD CONSTRAINT referral_reward_capped CHECK ((status = 'CAPPED') = (capped_by IS NOT NULL)),
  ADD CONSTRAINT referral_reward_paid_as CHECK (status = 'CAPPED'
    OR (coupon_id IS NOT NULL) = (kind = 'COUPON') AND (stored_value_lot_id IS NOT NULL) = (kind = 'STORED_VALUE_BONUS')),
  ADD FOREIGN KEY (tenant_id, coupon_type_id) REFERENCES coupon_type (tenant_id, id);

-- Who attached or changed a customer's referrer, when, and on what evidence (the customer row keeps the current one).
CREATE TABLE referrer_change (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  previous_referrer_id uuid,
  referrer_id uuid NOT NULL,
  evidence varchar(500) NOT NULL CHECK (length(btrim(evidence)) > 0),
  changed_by varchar(64) NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, previous_referrer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, referrer_id) REFERENCES customer (tenant_id, id)
);
CREATE INDEX referrer_change_customer_ix ON referrer_change (tenant_id, customer_id, changed_at);
ALTER TABLE referrer_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrer_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON referrer_change
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT ON referrer_change TO ${app_role};

--changeset meike:031-stored-value-reward
-- Stored value a referral reward credits: a bonus-only lot (source REWARD) brought in by a REWARD entry, and taken
-- back, as far as it is unspent, by a negative REWARD entry when the reward is reversed.
ALTER TABLE stored_value_lot DROP CONSTRAINT stored_value_lot_source_check;
ALTER TABLE stored_value_lot ADD CONSTRAINT stored_value_lot_source_check
  CHECK (source IN ('TOP_UP', 'OPENING', 'TRANSFER_IN', 'ADJUSTMENT', 'REVERSAL', 'REWARD'));
ALTER TABLE stored_value_entry DROP CONSTRAINT stored_value_entry_kind_check;
ALTER TABLE stored_value_entry ADD CONSTRAINT stored_value_entry_kind_check
  CHECK (kind IN ('TOP_UP', 'OPENING', 'DEBIT', 'REVERSAL', 'REFUND', 'EXPIRE', 'REACTIVATE', 'TRANSFER_OUT',
                  'TRANSFER_IN', 'ADJUST', 'REWARD'));
ALTER TABLE stored_value_entry ADD CONSTRAINT stored_value_entry_reward_is_bonus
  CHECK (kind <> 'REWARD' OR principal = 0 AND reference IS NOT NULL);
