--liquibase formatted sql

--changeset meike:030-demo-plans context:demo
-- Demo chain A's 王芳 converts: ten days ago she paid for 水光针 in cash (her first purchase, which starts her member
-- year, with its qualifying spend and points as paying would record them), and 王咨询 drafted her annual plan from
-- her consultation's needs, then revised it once, so the plan tab has a curve and a version history.
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
CREATE TEMPORARY TABLE demo_plan_time ON COMMIT DROP AS
SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '-10 days 15 hours') AT TIME ZONE 'Asia/Shanghai'
         AS paid_at,
       to_char(now() AT TIME ZONE 'Asia/Shanghai' - interval '10 days', 'YYYYMMDD') AS day_number;

INSERT INTO sales_order (tenant_id, id, number, customer_id, clinic_id, status, consultant_id, clinician_id, note,
                         tier_id, tier_name, points_multiplier, subtotal, discount, total, qualifying_paid,
                         points_earned, second_development, paid_at, paid_by, created_by, created_at, updated_at,
                         version)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9001', day_number || '-9001',
       '01900000-0000-7000-8000-000000c00002', '01900000-0000-7000-8000-0000000ac001', 'PAID',
       '01900000-0000-7000-8000-0000000a5003', NULL, NULL, NULL, NULL, 1, 168000, 0, 168000, 168000, 1680, false,
       paid_at, '01900000-0000-7000-8000-0000000a0003', '01900000-0000-7000-8000-0000000a0003', paid_at, paid_at, 1
  FROM demo_plan_time;
INSERT INTO order_line (tenant_id, id, order_id, line_no, item_id, item_name, category, quantity, list_price,
                        unit_price, line_discount, tier_discount_percent, tier_discount, net, seeded_by_first_consultant)
VALUES ('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9011',
        '01900000-0000-7000-8000-0000000a9001', 1, '01900000-0000-7000-8000-000000a10006', '水光针', 'INJECTION', 1,
        168000, 168000, 0, 0, 0, 168000, true);
INSERT INTO order_tender (tenant_id, id, order_id, tender_no, method, amount)
VALUES ('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9021',
        '01900000-0000-7000-8000-0000000a9001', 1, 'CASH', 168000);
UPDATE customer SET first_purchase_at = (SELECT paid_at FROM demo_plan_time)
 WHERE tenant_id = '01900000-0000-7000-8000-00000000000a' AND id = '01900000-0000-7000-8000-000000c00002';
INSERT INTO customer_membership (tenant_id, customer_id, tier_id, first_paid_at, created_at, updated_at, version)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-000000c00002', NULL, paid_at, paid_at, paid_at, 0
  FROM demo_plan_time;
INSERT INTO qualifying_spend (tenant_id, id, customer_id, source, source_id, amount, spent_at, recorded_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9031',
       '01900000-0000-7000-8000-000000c00002', 'ORDER', '01900000-0000-7000-8000-0000000a9001', 168000, paid_at, paid_at
  FROM demo_plan_time;
-- 1 point per yuan, expiring at the end of the year after she earned them (the default rules).
INSERT INTO points_account (tenant_id, customer_id, balance, updated_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-000000c00002', 1680, paid_at FROM demo_plan_time;
INSERT INTO points_lot (tenant_id, id, customer_id, source, order_id, points, remaining, earned_at, expires_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9041',
       '01900000-0000-7000-8000-000000c00002', 'ORDER', '01900000-0000-7000-8000-0000000a9001', 1680, 1680, paid_at,
       (date_trunc('year', paid_at AT TIME ZONE 'Asia/Shanghai') + interval '2 years') AT TIME ZONE 'Asia/Shanghai'
  FROM demo_plan_time;
INSERT INTO points_entry (tenant_id, id, customer_id, kind, points, balance_after, order_id, actor_id, actor_name,
                          occurred_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9051',
       '01900000-0000-7000-8000-000000c00002', 'EARN', 1680, 1680, '01900000-0000-7000-8000-0000000a9001',
       '01900000-0000-7000-8000-0000000a0003', '王咨询 (A consultant)', paid_at
  FROM demo_plan_time;
INSERT INTO points_allocation (tenant_id, entry_id, lot_id, seq, points)
VALUES ('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9051',
        '01900000-0000-7000-8000-0000000a9041', 0, 1680);

-- Her plan: the two needs of her consultation (法令纹 → 玻尿酸填充, 毛孔粗大 → 水光针) and skin care later in the year.
INSERT INTO treatment_plan (tenant_id, id, customer_id, member_year, current_version, created_at, updated_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101',
       '01900000-0000-7000-8000-000000c00002', 1, 2, paid_at + interval '1 hour', paid_at + interval '3 days'
  FROM demo_plan_time;
INSERT INTO treatment_plan_version (tenant_id, plan_id, version, reason, planned_total, created_by, created_by_name,
                                    created_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 1, NULL, 1174000,
       '01900000-0000-7000-8000-0000000a0003', '王咨询 (A consultant)', paid_at + interval '1 hour'
  FROM demo_plan_time;
INSERT INTO treatment_plan_version (tenant_id, plan_id, version, reason, planned_total, created_by, created_by_name,
                                    created_at)
SELECT '01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 2,
       '客户希望先做玻尿酸，光子嫩肤改到第四季度', 1174000,
       '01900000-0000-7000-8000-0000000a0003', '王咨询 (A consultant)', paid_at + interval '3 days'
  FROM demo_plan_time;
INSERT INTO treatment_plan_line (tenant_id, plan_id, version, line_no, item_id, month, quarter, quantity,
                                 estimated_amount, note, consultation_id, need_rank)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 1, 1,
 '01900000-0000-7000-8000-000000a10006', 1, NULL, 1, 168000, NULL, '01900000-0000-7000-8000-000000f00003', 2),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 1, 2,
 '01900000-0000-7000-8000-000000a10005', NULL, 3, 1, 680000, NULL, '01900000-0000-7000-8000-000000f00003', 1),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 1, 3,
 '01900000-0000-7000-8000-000000a10006', 4, NULL, 1, 168000, '巩固疗效', NULL, NULL),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 1, 4,
 '01900000-0000-7000-8000-000000a10008', NULL, 3, 1, 158000, NULL, NULL, NULL),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 2, 1,
 '01900000-0000-7000-8000-000000a10006', 1, NULL, 1, 168000, NULL, '01900000-0000-7000-8000-000000f00003', 2),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 2, 2,
 '01900000-0000-7000-8000-000000a10005', NULL, 2, 1, 680000, NULL, '01900000-0000-7000-8000-000000f00003', 1),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 2, 3,
 '01900000-0000-7000-8000-000000a10006', 4, NULL, 1, 168000, '巩固疗效', NULL, NULL),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a9101', 2, 4,
 '01900000-0000-7000-8000-000000a10008', NULL, 4, 1, 158000, NULL, NULL, NULL);
SELECT set_config('app.tenant_id', '', true);
