--liquibase formatted sql

--changeset meike:002-demo-chains context:demo
-- Two demo chains whose staff match the users of docker/keycloak/meike-realm.json (same ids).
SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000a', true);
INSERT INTO tenant (id, slug, name, status, currency, time_zone, created_at, updated_at, version)
VALUES ('01900000-0000-7000-8000-00000000000a', 'demo-a', '美丽之约医美连锁 (Demo A)', 'ACTIVE', 'CNY', 'Asia/Shanghai', now(), now(), 0);
INSERT INTO clinic (tenant_id, id, code, name, address, phone, time_zone, active, created_at, updated_at, version) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000ac001', 'SH-JA', '上海静安店', '上海市静安区南京西路 1266 号', '021-62881234', 'Asia/Shanghai', true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000ac002', 'BJ-GM', '北京国贸店', '北京市朝阳区建国门外大街 1 号', '010-65051234', 'Asia/Shanghai', true, now(), now(), 0);
INSERT INTO staff (tenant_id, id, user_id, username, email, display_name, phone, roles, all_clinics, active, created_at, updated_at, version) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5001', '01900000-0000-7000-8000-0000000a0001', 'a.admin', 'a.admin@demo.meike.local', '陈管理 (A admin)', NULL, '{tenant-admin}', true, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5002', '01900000-0000-7000-8000-0000000a0002', 'a.manager', 'a.manager@demo.meike.local', '林店长 (A manager)', NULL, '{manager}', true, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5003', '01900000-0000-7000-8000-0000000a0003', 'a.consultant', 'a.consultant@demo.meike.local', '王咨询 (A consultant)', NULL, '{consultant}', false, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5004', '01900000-0000-7000-8000-0000000a0004', 'a.frontdesk', 'a.frontdesk@demo.meike.local', '赵前台 (A front desk)', NULL, '{front-desk}', false, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5005', '01900000-0000-7000-8000-0000000a0005', 'a.clinician', 'a.clinician@demo.meike.local', '周医生 (A clinician)', NULL, '{clinician}', false, true, now(), now(), 0);
INSERT INTO staff_clinic (tenant_id, staff_id, clinic_id) VALUES
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5003', '01900000-0000-7000-8000-0000000ac001'),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5004', '01900000-0000-7000-8000-0000000ac001'),
('01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-0000000a5005', '01900000-0000-7000-8000-0000000ac001');

SELECT set_config('app.tenant_id', '01900000-0000-7000-8000-00000000000b', true);
INSERT INTO tenant (id, slug, name, status, currency, time_zone, created_at, updated_at, version)
VALUES ('01900000-0000-7000-8000-00000000000b', 'demo-b', '悦颜医美 (Demo B)', 'ACTIVE', 'CNY', 'Asia/Shanghai', now(), now(), 0);
INSERT INTO clinic (tenant_id, id, code, name, address, phone, time_zone, active, created_at, updated_at, version) VALUES
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000bc001', 'GZ-TH', '广州天河店', '广州市天河区天河路 208 号', '020-38881234', 'Asia/Shanghai', true, now(), now(), 0);
INSERT INTO staff (tenant_id, id, user_id, username, email, display_name, phone, roles, all_clinics, active, created_at, updated_at, version) VALUES
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5001', '01900000-0000-7000-8000-0000000b0001', 'b.admin', 'b.admin@demo.meike.local', '黄管理 (B admin)', NULL, '{tenant-admin}', true, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5002', '01900000-0000-7000-8000-0000000b0002', 'b.manager', 'b.manager@demo.meike.local', '吴店长 (B manager)', NULL, '{manager}', true, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5003', '01900000-0000-7000-8000-0000000b0003', 'b.consultant', 'b.consultant@demo.meike.local', '郑咨询 (B consultant)', NULL, '{consultant}', false, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5004', '01900000-0000-7000-8000-0000000b0004', 'b.frontdesk', 'b.frontdesk@demo.meike.local', '孙前台 (B front desk)', NULL, '{front-desk}', false, true, now(), now(), 0),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5005', '01900000-0000-7000-8000-0000000b0005', 'b.clinician', 'b.clinician@demo.meike.local', '钱医生 (B clinician)', NULL, '{clinician}', false, true, now(), now(), 0);
INSERT INTO staff_clinic (tenant_id, staff_id, clinic_id) VALUES
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5003', '01900000-0000-7000-8000-0000000bc001'),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5004', '01900000-0000-7000-8000-0000000bc001'),
('01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000b5005', '01900000-0000-7000-8000-0000000bc001');
