--liquibase formatted sql

--changeset meike:032-demo-referral-rules context:demo
-- Demo chain A's referral rules: 1,000 points for the referrer (level 1) and a 满1000减200 cash voucher for her
-- referrer (level 2), when the referee's first order clears at least 1,000.00; at most 10 rewards a month per person.
-- 刘洋 was referred by 李静, so a friend 刘洋 brings earns both levels.
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO referral_rules (tenant_id, id, level1_kind, level1_points, level2_kind, level2_coupon_type_id, minimum_spend,
                            monthly_cap, created_at, updated_at, version)
VALUES ('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9301', 'POINTS', 1000, 'COUPON',
        '01900000-0000-7000-8000-0000000a8201', 100000, 10, now(), now(), 0);
SELECT set_config('app.tenant_id', '', true);
