--liquibase formatted sql

--changeset meike:028-demo-satisfaction context:demo
-- Demo chain A's satisfaction: two happy surveys of 李静's visits (one through the link, one taken down by the front
-- desk) and a low one of 陈晓红's consultation whose complaint the manager is working, already past its SLA, so the
-- board and the summary are not empty. 王芳's visit has no survey yet (the end-to-end test sends her a link).
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO survey (tenant_id, id, visit_id, customer_id, clinic_id, consultant_id, visited_at, channel, status,
                    link_token_hash, link_expires_at, result_score, experience_score, nps, comment, submitted_at,
                    recorded_by, created_by, created_at, updated_at, version)
SELECT v.tenant_id, s.id, v.id, v.customer_id, v.clinic_id, '01900000-0000-7000-8000-0000000a5003', v.checked_in_at,
       s.channel, 'SUBMITTED', s.token_hash, s.expires_at, s.result, s.experience, s.nps, s.comment,
       v.checked_out_at + interval '1 day', s.recorded_by, '01900000-0000-7000-8000-0000000a0004',
       v.checked_out_at, v.checked_out_at + interval '1 day', 0
FROM (VALUES
  ('01900000-0000-7000-8000-0000000ab001'::uuid, '01900000-0000-7000-8000-000000e00001'::uuid, 'LINK',
   sha256('demo-link-used-by-li-jing'::bytea), now() - interval '50 days', 5, 5, 10, '咨询师很专业，环境舒适', NULL),
  ('01900000-0000-7000-8000-0000000ab002'::uuid, '01900000-0000-7000-8000-000000e00002'::uuid, 'STAFF',
   NULL, NULL, 4, 4, 8, NULL, '01900000-0000-7000-8000-0000000a0004'),
  ('01900000-0000-7000-8000-0000000ab003'::uuid, '01900000-0000-7000-8000-000000e00004'::uuid, 'STAFF',
   NULL, NULL, 2, 3, 5, '担心效果，等候时间也较长', '01900000-0000-7000-8000-0000000a0004')
) AS s (id, visit_id, channel, token_hash, expires_at, result, experience, nps, comment, recorded_by)
JOIN visit v ON v.tenant_id = '01900000-0000-7000-8000-00000000000a' AND v.id = s.visit_id;
INSERT INTO survey_item (tenant_id, survey_id, item_id) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000ab001', '01900000-0000-7000-8000-000000a10001'),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000ab002', '01900000-0000-7000-8000-000000a10008');
INSERT INTO complaint (tenant_id, id, customer_id, clinic_id, visit_id, survey_id, severity, category, status, owner_id,
                       description, opened_at, opened_by, due_at, created_at, updated_at, version)
SELECT s.tenant_id, '01900000-0000-7000-8000-0000000ac801', s.customer_id, s.clinic_id, s.visit_id, s.id, 'MEDIUM',
       'RESULT', 'IN_PROGRESS', '01900000-0000-7000-8000-0000000a5002', s.comment, now() - interval '3 days', NULL,
       now() - interval '1 day', now() - interval '3 days', now() - interval '2 days', 1
FROM survey s WHERE s.tenant_id = '01900000-0000-7000-8000-00000000000a' AND s.id = '01900000-0000-7000-8000-0000000ab003';
SELECT set_config('app.tenant_id', '', true);
