--liquibase formatted sql

--changeset meike:017-demo-wallet context:demo
-- The demo chains' stored-value plans, as the seed articles describe them (pay 5,000 get 10,000 of spending value),
-- and demo chain A's combo pack of its water-light, photo-rejuvenation and face-slimming injections.
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO stored_value_plan (tenant_id, id, code, name, description, price, value, validity_days, all_clinics,
                               clinic_ids, available_from, available_until, active, created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8001', 'SV-5000', '充5000得10000',
 '储值会员：充 5,000 元得 10,000 元消费额度，三年有效', 500000, 1000000, 1095, true, '{}', NULL, NULL, true,
 now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8002', 'SV-3000', '充3000送1000',
 '充 3,000 元送 1,000 元，长期有效', 300000, 400000, NULL, true, '{}', NULL, NULL, true, now(), now(), 0);
INSERT INTO pack_template (tenant_id, id, code, name, description, price, validity_days, all_clinics, clinic_ids,
                           active, created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8101', 'PK-WL01', '水光焕肤疗程',
 '水光针 2 次 + 光子嫩肤 2 次 + 瘦脸针 1 次，一年内用完', 680000, 365, true, '{}', true, now(), now(), 0);
INSERT INTO pack_template_item (tenant_id, template_id, item_id, item_no, sessions, min_interval_days) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8101',
 '01900000-0000-7000-8000-000000a10006', 1, 2, 28),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8101',
 '01900000-0000-7000-8000-000000a10001', 2, 2, 21),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a8101',
 '01900000-0000-7000-8000-000000a10004', 3, 1, NULL);
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000b', true);
INSERT INTO stored_value_plan (tenant_id, id, code, name, description, price, value, validity_days, all_clinics,
                               clinic_ids, available_from, available_until, active, created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b8001', 'SV-5000', '充5000得10000',
 '储值会员：充 5,000 元得 10,000 元消费额度', 500000, 1000000, 1095, true, '{}', NULL, NULL, true,
 now(), now(), 0);
SELECT set_config('app.tenant_id', '', true);
