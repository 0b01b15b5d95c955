--liquibase formatted sql

--changeset meike:024-demo-coupons context:demo
-- Demo chain A's coupon types (a cash voucher, a skin-care experience voucher, a 95% discount) and its consultant's
-- gift budget for the month the demo is loaded in.
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO coupon_type (tenant_id, id, code, name, kind, amount_off, percent_off, max_discount, min_spend, face_value,
                         valid_from, valid_until, valid_days, stacking, all_items, item_ids, categories, active,
                         created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8201', 'CASH-200', '满1000减200现金券',
 'CASH_VOUCHER', 20000, NULL, NULL, 100000, 20000, NULL, NULL, 90, 'EXCLUSIVE', true, '{}', '{}', true,
 now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8202', 'EXP-SKIN', '皮肤管理体验券',
 'EXPERIENCE_VOUCHER', NULL, NULL, NULL, 0, 30000, NULL, NULL, 60, 'STACKABLE', false, '{}', '{SKIN}', true,
 now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8203', 'PCT-95', '会员95折券（最高减500）',
 'DISCOUNT_PERCENT', NULL, 5.00, 50000, 0, 0, NULL, NULL, 30, 'STACKABLE', true, '{}', '{}', true,
 now(), now(), 0);
INSERT INTO coupon_gift_budget (tenant_id, staff_id, month, amount, used, updated_at, version) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5003',
 date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, 200000, 0, now(), 0);
SELECT set_config('app.tenant_id', '', true);
