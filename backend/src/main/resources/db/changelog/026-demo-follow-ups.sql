--liquibase formatted sql

--changeset meike:026-demo-follow-ups context:demo
-- The demo chains' follow-up rules (D+1 after injections, D+7 and D+30 after any treatment, call-backs, birthdays,
-- expiries, customers at risk), and a few tasks of demo chain A's consultant so her work queue is not empty: one due
-- today, one overdue, one done with its contact.
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO follow_up_rule (tenant_id, id, trigger, category, days, title, enabled, created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af001', 'AFTER_TREATMENT', 'INJECTION', 1, '注射次日回访', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af002', 'AFTER_TREATMENT', NULL, 7, '术后7天回访', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af003', 'AFTER_TREATMENT', NULL, 30, '术后30天效果回访', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af004', 'CONSULTATION_NOT_CONVERTED', NULL, 3, '未成交回访', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af005', 'BIRTHDAY', NULL, 3, '生日关怀', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af006', 'POINTS_EXPIRING', NULL, 30, '积分到期提醒', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af007', 'STORED_VALUE_EXPIRING', NULL, 30, '储值到期提醒', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af008', 'PACK_SESSION_DUE', NULL, 2, '疗程到期提醒', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af009', 'AT_RISK', NULL, 90, '久未到店关怀', true, now(), now(), 0);
INSERT INTO follow_up_task (tenant_id, id, rule_id, trigger, reason_key, subject_id, customer_id, clinic_id,
                            assignee_id, title, due_date, status, outcome, outcome_note, completed_at, completed_by,
                            created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af101', '01900000-0000-7000-8000-0000000af002',
 'AFTER_TREATMENT', 'demo:1', NULL, '01900000-0000-7000-8000-000000c00002', '01900000-0000-7000-8000-0000000ac001',
 '01900000-0000-7000-8000-0000000a5003', '术后7天回访', (now() AT TIME ZONE 'Asia/Shanghai')::date, 'OPEN', NULL, NULL,
 NULL, NULL, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af102', '01900000-0000-7000-8000-0000000af004',
 'CONSULTATION_NOT_CONVERTED', 'demo:2', NULL, '01900000-0000-7000-8000-000000c00003', '01900000-0000-7000-8000-0000000ac001',
 '01900000-0000-7000-8000-0000000a5003', '未成交回访', (now() AT TIME ZONE 'Asia/Shanghai')::date - 2, 'OPEN', NULL, NULL,
 NULL, NULL, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af103', '01900000-0000-7000-8000-0000000af001',
 'AFTER_TREATMENT', 'demo:3', NULL, '01900000-0000-7000-8000-000000c00001', '01900000-0000-7000-8000-0000000ac001',
 '01900000-0000-7000-8000-0000000a5003', '注射次日回访', (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, 'DONE', 'REACHED',
 '恢复良好，无红肿', now(), '01900000-0000-7000-8000-0000000a5003', now(), now(), 0);
INSERT INTO touchpoint (tenant_id, id, customer_id, clinic_id, staff_id, channel, task_id, outcome, note, occurred_at,
                        recorded_by, created_at)
VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000af201', '01900000-0000-7000-8000-000000c00001',
 '01900000-0000-7000-8000-0000000ac001', '01900000-0000-7000-8000-0000000a5003', 'CALL',
 '01900000-0000-7000-8000-0000000af103', 'REACHED', '恢复良好，无红肿', now(), '01900000-0000-7000-8000-0000000a0003', now());

SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000b', true);
INSERT INTO follow_up_rule (tenant_id, id, trigger, category, days, title, enabled, created_at, updated_at, version)
VALUES
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000bf001', 'AFTER_TREATMENT', NULL, 1, '术后次日回访', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000bf002', 'CONSULTATION_NOT_CONVERTED', NULL, 3, '未成交回访', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000bf003', 'BIRTHDAY', NULL, 7, '生日关怀', true, now(), now(), 0);
