--liquibase formatted sql

--changeset meike:014-demo-membership context:demo
-- The demo chains' tiers, as the seed articles describe them: 普卡 10,000 · 银卡 30,000 · 金卡 50,000 CNY on
-- lifetime spend. Points keep the default rules (1 point per yuan, 100 points pay 1 yuan).
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO membership_tier (tenant_id, id, name, position, threshold, discount_percent, category_discounts,
                             points_multiplier, perks, created_at, updated_at) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a7001', '普卡', 0, 1000000, 2,
 '{}', 1, '[{"code": "BIRTHDAY_GIFT", "description": "生日当月赠送补水护理一次"}]', now(), now()),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a7002', '银卡', 1, 3000000, 5,
 '{"INJECTION": 8}', 1.5, '[{"code": "PRIORITY_BOOKING", "description": "热门医生优先预约"},
 {"code": "COMPANION_DISCOUNT", "description": "同行好友首单 9 折"},
 {"code": "BIRTHDAY_GIFT", "description": "生日当月赠送光子嫩肤一次"}]', now(), now()),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a7003', '金卡', 2, 5000000, 8,
 '{"INJECTION": 10}', 2, '[{"code": "PRIORITY_BOOKING", "description": "专属顾问与医生优先预约"},
 {"code": "PICKUP", "description": "市区专车接送"},
 {"code": "EXCLUSIVE_CONSULTATION_GROUP", "description": "金卡专属面诊群"},
 {"code": "BIRTHDAY_GIFT", "description": "生日当月赠送水光针一次"}]', now(), now());
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000b', true);
INSERT INTO membership_tier (tenant_id, id, name, position, threshold, discount_percent, category_discounts,
                             points_multiplier, perks, created_at, updated_at) VALUES
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b7001', '普卡', 0, 1000000, 2,
 '{}', 1, '[{"code": "BIRTHDAY_GIFT", "description": "生日礼"}]', now(), now()),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b7002', '银卡', 1, 3000000, 5,
 '{}', 1.5, '[{"code": "PRIORITY_BOOKING", "description": "优先预约"}]', now(), now()),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b7003', '金卡', 2, 5000000, 8,
 '{}', 2, '[{"code": "PICKUP", "description": "专车接送"}]', now(), now());
SELECT set_config('app.tenant_id', '', true);
