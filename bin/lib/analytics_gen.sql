-- One generated clinic chain for `bin/bench analytics`, set-based (INSERT ... SELECT over generate_series), run by
-- psql as the superuser on a database Liquibase has migrated (contexts main only). Variables:
--   tenant (uuid), p (one hex digit naming the chain in its fixed ids: a or b), slug, chain (name),
--   customers, orders, visits (target counts; the generated counts come close), clinics, seed (0..1).
-- Three years of history ending now, in Asia/Shanghai. The ids of the chain, its clinics and the staff with a
-- Keycloak login are the demo realm's (docker/keycloak/meike-realm.json), so that realm's users sign in to it.
-- Every row keeps the schema's constraints and the ledgers' invariants: qualifying spend = paid orders' qualifying
-- part minus refunds, tier history replaying that spend, points and stored-value balances = the sums of their
-- entries (lots = their allocations), pack sessions = issued minus redeemed, first/last visit and first purchase
-- = what the visit and order rows say.
\set ON_ERROR_STOP 1
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SELECT setseed(:seed);
BEGIN;
SELECT set_config('app.tenant_id', :'tenant', true);

-- UUIDv7 of an instant (like app.meike.common.Ids), so that id order is time order as the app's listings expect.
CREATE FUNCTION pg_temp.id_at(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7'
          || substr(md5(random()::text), 1, 3) || to_hex(8 + floor(random() * 4)::int)
          || substr(md5(random()::text), 1, 15))::uuid
$$;
-- The chain's fixed ids: 01900000-0000-7000-8000-0000000<p><kind><nnn>, as in the demo realm.
CREATE FUNCTION pg_temp.fixed_id(p text, kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT ('01900000-0000-7000-8000-0000000' || p || kind || lpad(n::text, 3, '0'))::uuid
$$;
-- Noon-ish local time of the day holding `at` (clinics open 10:00-20:00 in Shanghai).
CREATE FUNCTION pg_temp.opening_hours(at timestamptz) RETURNS timestamptz LANGUAGE sql VOLATILE AS $$
  SELECT (date_trunc('day', at AT TIME ZONE 'Asia/Shanghai') + interval '10 hours'
          + random() * interval '9 hours') AT TIME ZONE 'Asia/Shanghai'
$$;

-- A big chain loads faster into tables without their secondary indexes (shared_buffers is small here, the keys are
-- random): those not backing a constraint are dropped for the load and created again, as they were, at the end.
SELECT :customers >= 20000 AS bulk \gset
CREATE TEMP TABLE bench_bulk_table ON COMMIT DROP AS
SELECT unnest(array['customer', 'customer_phone_gram', 'customer_tag', 'visit', 'consultation', 'sales_order',
                    'order_line', 'order_tender', 'qualifying_spend', 'tier_change', 'points_lot', 'points_entry',
                    'points_allocation', 'survey', 'complaint', 'customer_membership']) AS name
WHERE :'bulk'::boolean;
CREATE TEMP TABLE bench_index ON COMMIT DROP AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = 'public'::regnamespace AND t.relname IN (SELECT name FROM bench_bulk_table)
  AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid);
SELECT format('DROP INDEX %s', name) FROM bench_index \gexec
-- Their foreign keys likewise: added again at the end, each checks all rows in one join rather than row by row.
CREATE TEMP TABLE bench_foreign_key ON COMMIT DROP AS
SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace AND t.relname IN (SELECT name FROM bench_bulk_table);
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', table_name, name) FROM bench_foreign_key \gexec
-- And the customer's phone grams and tags, which its row triggers would write one customer at a time, written
-- below in one statement each, as the triggers would.
ALTER TABLE customer DISABLE TRIGGER customer_phone_grams;
ALTER TABLE customer DISABLE TRIGGER customer_tags;

CREATE TEMP TABLE bench_now ON COMMIT DROP AS
SELECT date_trunc('minute', now()) - interval '1 hour' AS at, date_trunc('minute', now()) - interval '3 years' AS since;

-- The chain and the settings a new chain gets (TenantService.create).
INSERT INTO tenant (id, slug, name, status, currency, time_zone, created_at, updated_at, version)
SELECT :'tenant'::uuid, :'slug', :'chain', 'ACTIVE', 'CNY', 'Asia/Shanghai', since - interval '30 days', at, 0 FROM bench_now;
INSERT INTO chain_settings (tenant_id, id, churn_window_days, created_at, updated_at, version)
VALUES (:'tenant', gen_random_uuid(), 180, now(), now(), 0);
INSERT INTO membership_program (tenant_id, id, basis, review_rule, created_at, updated_at, version)
VALUES (:'tenant', gen_random_uuid(), 'LIFETIME', 'AT_MEMBER_YEAR_END', now(), now(), 0);
INSERT INTO points_rules (tenant_id, id, earn_rate, redeem_points, redeem_amount, allow_tender, expiry_policy,
                          expiry_months, reminder_days, created_at, updated_at, version)
VALUES (:'tenant', gen_random_uuid(), 1.00, 100, 100, true, 'END_OF_NEXT_YEAR', NULL, 30, now(), now(), 0);
INSERT INTO stored_value_rules (tenant_id, id, debit_order, reminder_days, created_at, updated_at, version)
VALUES (:'tenant', gen_random_uuid(), 'PRO_RATA', 30, now(), now(), 0);

INSERT INTO clinic (tenant_id, id, code, name, address, phone, time_zone, active, created_at, updated_at, version)
SELECT :'tenant'::uuid, pg_temp.fixed_id(:'p', 'c', n), 'C' || lpad(n::text, 2, '0'),
       (array['上海','北京','广州','深圳','杭州','成都','南京','武汉','重庆','西安'])[1 + (n - 1) % 10]
         || (array['旗舰店','一店','二店','三店'])[1 + (n - 1) / 10 % 4],
       '第 ' || n || ' 号门店地址', '400-800-' || lpad(n::text, 4, '0'), 'Asia/Shanghai', true, now(), now(), 0
FROM generate_series(1, :clinics) n;

-- Staff: the realm's five logins (1 admin, 2 manager, 3 consultant, 4 front desk, 5 clinician), then per clinic
-- three consultants and two clinicians without logins.
INSERT INTO staff (tenant_id, id, user_id, username, email, display_name, roles, all_clinics, active, created_at,
                   updated_at, version)
SELECT :'tenant'::uuid, pg_temp.fixed_id(:'p', '5', n), pg_temp.fixed_id(:'p', '0', n)::text, :'p' || '.' || r,
       :'p' || '.' || r || '@demo.meike.local', r || ' (' || :'p' || ')', array[role], n <= 2, true, now(), now(), 0
FROM unnest(array['admin','manager','consultant','frontdesk','clinician'],
            array['tenant-admin','manager','consultant','front-desk','clinician']) WITH ORDINALITY AS t(r, role, n);
INSERT INTO staff_clinic (tenant_id, staff_id, clinic_id)
SELECT :'tenant'::uuid, pg_temp.fixed_id(:'p', '5', n), pg_temp.fixed_id(:'p', 'c', 1) FROM generate_series(3, 5) n;
CREATE TEMP TABLE bench_staff ON COMMIT DROP AS
SELECT c AS clinic_no, k, pg_temp.fixed_id(:'p', '6', (c - 1) * 5 + k) AS id, pg_temp.fixed_id(:'p', 'c', c) AS clinic_id,
       CASE WHEN k <= 3 THEN 'consultant' ELSE 'clinician' END AS role
FROM generate_series(1, :clinics) c, generate_series(1, 5) k;
INSERT INTO staff (tenant_id, id, user_id, username, email, display_name, roles, all_clinics, active, created_at,
                   updated_at, version)
SELECT :'tenant'::uuid, id, NULL, :'p' || '.' || role || '.' || clinic_no || '.' || k,
       :'p' || '.' || role || '.' || clinic_no || '.' || k || '@bench.meike.local',
       CASE role WHEN 'consultant' THEN '咨询师 ' ELSE '医生 ' END || clinic_no || '-' || k, array[role], false, true,
       now(), now(), 0
FROM bench_staff;
INSERT INTO staff_clinic (tenant_id, staff_id, clinic_id) SELECT :'tenant'::uuid, id, clinic_id FROM bench_staff;

-- The catalog: entry-level items (体验项目) open the door to skin, injection, minimally invasive and surgery.
CREATE TEMP TABLE bench_item ON COMMIT DROP AS
SELECT n, pg_temp.fixed_id(:'p', 'd', n) AS id, code, name, category, price, entry
FROM unnest(
  array['HAIR','SCALE','SLIM','HYDRA','PEEL','PHOTO','M22','WLIGHT','THERM','PICO','HA1','BOTOX','SCULP','RADI',
        'THREAD','FAT','LIPO','NOSE','EYE','BREAST'],
  array['冰点脱毛','洗牙洁治','溶脂针','小气泡清洁','果酸焕肤','光子嫩肤','M22 王者之冠','水光针','热玛吉','皮秒祛斑',
        '玻尿酸填充','肉毒素除皱','童颜针','微针射频','线雕提升','自体脂肪填充','吸脂塑形','隆鼻','双眼皮','隆胸'],
  array['OTHER','OTHER','INJECTION','SKIN','SKIN','SKIN','SKIN','INJECTION','SKIN','SKIN','INJECTION','INJECTION',
        'INJECTION','MINIMALLY_INVASIVE','MINIMALLY_INVASIVE','MINIMALLY_INVASIVE','SURGERY','SURGERY','SURGERY','SURGERY'],
  array[39900,19900,68000,29800,48000,128000,198000,168000,1280000,380000,
        680000,298000,880000,580000,1880000,2680000,3880000,4880000,2280000,6800000]::bigint[],
  array[true,true,true,true,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false])
  WITH ORDINALITY AS t(code, name, category, price, entry, n);
INSERT INTO catalog_item (tenant_id, id, code, name, category, list_price, duration_minutes, entry_level, active,
                          all_clinics, clinic_ids, created_at, updated_at, version)
SELECT :'tenant'::uuid, id, code, name, category, price, 60, entry, true, true, '{}', now(), now(), 0 FROM bench_item;

CREATE TEMP TABLE bench_pack ON COMMIT DROP AS
SELECT n, pg_temp.fixed_id(:'p', 'e', n) AS id, code, name, price, validity
FROM unnest(array['HA3','M22X4','COMBO'], array['玻尿酸 ×3','M22 光子嫩肤 ×4','水光 + 光子 + 溶脂 组合卡'],
            array[1800000, 680000, 980000]::bigint[], array[730, 365, 365]) WITH ORDINALITY AS t(code, name, price, validity, n);
INSERT INTO pack_template (tenant_id, id, code, name, price, validity_days, all_clinics, clinic_ids, active,
                           created_at, updated_at, version)
SELECT :'tenant'::uuid, id, code, name, price, validity, true, '{}', true, now(), now(), 0 FROM bench_pack;
CREATE TEMP TABLE bench_pack_item ON COMMIT DROP AS
SELECT p.n AS pack_no, p.id AS template_id, i.id AS item_id, i.name AS item_name, i.price, x.item_no, x.sessions
FROM (VALUES (1, 11, 1, 3), (2, 7, 1, 4), (3, 8, 1, 2), (3, 6, 2, 2), (3, 3, 3, 2)) AS x(pack_no, item_no_in_catalog, item_no, sessions)
JOIN bench_pack p ON p.n = x.pack_no JOIN bench_item i ON i.n = x.item_no_in_catalog;
INSERT INTO pack_template_item (tenant_id, template_id, item_id, item_no, sessions, min_interval_days)
SELECT :'tenant'::uuid, template_id, item_id, item_no, sessions, 14 FROM bench_pack_item;

INSERT INTO membership_tier (tenant_id, id, name, position, threshold, discount_percent, category_discounts,
                             points_multiplier, perks, created_at, updated_at)
SELECT :'tenant'::uuid, pg_temp.fixed_id(:'p', '7', n), name, n - 1, threshold, 0, '{}', 1, '[]', now(), now()
FROM unnest(array['普卡','银卡','金卡','钻石卡'], array[1000000, 3000000, 5000000, 10000000]::bigint[])
  WITH ORDINALITY AS t(name, threshold, n);

INSERT INTO stored_value_plan (tenant_id, id, code, name, price, value, validity_days, all_clinics, clinic_ids, active,
                               created_at, updated_at, version)
SELECT :'tenant'::uuid, pg_temp.fixed_id(:'p', 'f', n), code, name, price, value, NULL, true, '{}', true, now(), now(), 0
FROM unnest(array['SV5K','SV10K'], array['储值 5000 得 10000','储值 10000 得 15000'],
            array[500000, 1000000]::bigint[], array[1000000, 1500000]::bigint[]) WITH ORDINALITY AS t(code, name, price, value, n);

-- Customers. Kinds: LEAD (never came), NOT_CONVERTED (came, consulted, never bought), BUYER; buyers spend HEAVY
-- (25-35 orders a year), MEDIUM (6-12) or LIGHT (about one a year), some LIGHT ones only ever buying entry items.
-- A buyer is active from her first purchase (`since`) to `until` (now, or earlier for those who stopped coming).
CREATE TEMP TABLE bench_customer ON COMMIT DROP AS
WITH base AS (
  SELECT g AS n, random() AS kind_draw, random() AS spend_draw, random() AS churn_draw, random() AS start_draw,
         1 + floor(power(random(), 1.6) * :clinics)::int AS clinic_no
  FROM generate_series(1, :customers) g
), kinds AS (
  SELECT b.*, CASE WHEN kind_draw < 0.10 THEN 'LEAD' WHEN kind_draw < 0.22 THEN 'NOT_CONVERTED' ELSE 'BUYER' END AS kind,
         CASE WHEN spend_draw < 0.03 THEN 'HEAVY' WHEN spend_draw < 0.23 THEN 'MEDIUM' ELSE 'LIGHT' END AS spend
  FROM base b
)
SELECT k.*, pg_temp.id_at(n.since + (k.n::double precision / :customers) * interval '30 days') AS id,
       pg_temp.fixed_id(:'p', 'c', k.clinic_no) AS clinic_id,
       pg_temp.fixed_id(:'p', '6', (k.clinic_no - 1) * 5 + 1 + floor(random() * 3)::int) AS owner_id,
       k.spend = 'LIGHT' AND random() < 0.2 AS entry_only,
       -- heavy spenders have been coming for longer
       pg_temp.opening_hours(n.since + power(k.start_draw, CASE k.spend WHEN 'HEAVY' THEN 2.5 ELSE 1 END)
                             * (n.at - n.since - interval '5 days')) AS since_at,
       n.at AS now_at
FROM kinds k, bench_now n;
ALTER TABLE bench_customer ADD COLUMN until_at timestamptz, ADD COLUMN order_rate double precision,
  ADD COLUMN orders int, ADD COLUMN extra_visits int;
UPDATE bench_customer SET
  until_at = CASE WHEN churn_draw < CASE spend WHEN 'HEAVY' THEN 0.05 ELSE 0.25 END
                  THEN since_at + random() * (now_at - since_at) ELSE now_at - random() * interval '20 days' END,
  order_rate = CASE kind WHEN 'BUYER' THEN CASE spend WHEN 'HEAVY' THEN 25 + random() * 10
                                                     WHEN 'MEDIUM' THEN 6 + random() * 6
                                                     ELSE 0.4 + random() * 1.6 END ELSE 0 END;
UPDATE bench_customer SET until_at = greatest(until_at, since_at);
-- Orders per buyer: her rate over her active years, scaled so that the chain has about :orders.
WITH raw AS (SELECT n, order_rate * extract(epoch FROM until_at - since_at) / (365.25 * 86400) AS wanted
             FROM bench_customer WHERE kind = 'BUYER'),
     total AS (SELECT sum(greatest(wanted, 1)) AS s, count(*) AS buyers FROM raw)
UPDATE bench_customer c SET orders = greatest(1, round(greatest(r.wanted, 1) * :orders / t.s))::int
FROM raw r, total t WHERE c.n = r.n;
UPDATE bench_customer SET orders = 0 WHERE orders IS NULL;
-- Visits without an order: reviews and consultations of buyers (about half an order's worth), one to three
-- consultations of those who never bought; scaled so that all visits come to about :visits.
WITH raw AS (SELECT n, CASE kind WHEN 'BUYER' THEN orders * (0.2 + random() * 0.6)
                                 WHEN 'NOT_CONVERTED' THEN 1 + floor(random() * 3) ELSE 0 END AS wanted
             FROM bench_customer),
     total AS (SELECT sum(wanted) AS s, (SELECT sum(orders) FROM bench_customer) AS o FROM raw)
UPDATE bench_customer c SET extra_visits = CASE WHEN c.kind = 'NOT_CONVERTED' THEN greatest(1, round(r.wanted * greatest(:visits - t.o, 0) / nullif(t.s, 0)))::int
                                                ELSE round(r.wanted * greatest(:visits - t.o, 0) / nullif(t.s, 0))::int END
FROM raw r, total t WHERE c.n = r.n;
UPDATE bench_customer SET extra_visits = coalesce(extra_visits, 0);
CREATE UNIQUE INDEX ON bench_customer (n);
ANALYZE bench_customer;

-- Orders: the first at `since`, the others spread over her active time. Clinic: home clinic mostly. Consultant:
-- her owner mostly, another consultant of the clinic sometimes (二开 on a later order). 3 % of orders sell a pack.
CREATE TEMP TABLE bench_order ON COMMIT DROP AS
SELECT c.n AS customer_no, c.id AS customer_id, s.i AS seq, c.orders, c.entry_only, c.spend, c.owner_id,
       c.clinic_no AS home_clinic_no,
       CASE WHEN s.i = 1 THEN c.since_at
            ELSE greatest(c.since_at + interval '1 day',
                          pg_temp.opening_hours(c.since_at + ((s.i - 1 + random() * 0.8) / c.orders) * (c.until_at - c.since_at))) END AS paid_at,
       CASE WHEN s.i = 1 OR random() < 0.85 THEN c.clinic_no ELSE 1 + floor(random() * :clinics)::int END AS clinic_no,
       random() AS consultant_draw, random() AS pack_draw, random() AS refund_draw, random() AS method_draw,
       1 + floor(power(random(), 2) * 3)::int AS lines
FROM bench_customer c, generate_series(1, c.orders) s(i)
WHERE c.orders > 0;
UPDATE bench_order SET paid_at = least(paid_at, (SELECT at FROM bench_now));
ALTER TABLE bench_order ADD COLUMN id uuid, ADD COLUMN visit_id uuid, ADD COLUMN clinic_id uuid,
  ADD COLUMN consultant_id uuid, ADD COLUMN clinician_id uuid, ADD COLUMN pack_no int;
UPDATE bench_order SET id = pg_temp.id_at(paid_at - interval '20 minutes'), visit_id = pg_temp.id_at(paid_at - interval '40 minutes'),
  clinic_id = pg_temp.fixed_id(:'p', 'c', clinic_no),
  consultant_id = CASE WHEN seq > 1 AND consultant_draw < 0.15
                       THEN pg_temp.fixed_id(:'p', '6', (clinic_no - 1) * 5 + 1 + floor(consultant_draw / 0.05)::int)
                       WHEN clinic_no = home_clinic_no THEN owner_id
                       ELSE pg_temp.fixed_id(:'p', '6', (clinic_no - 1) * 5 + 1) END,
  clinician_id = pg_temp.fixed_id(:'p', '6', (clinic_no - 1) * 5 + 4 + floor(random() * 2)::int),
  pack_no = CASE WHEN pack_draw < 0.03 AND NOT entry_only THEN 1 + floor(pack_draw / 0.01)::int END;
CREATE UNIQUE INDEX ON bench_order (customer_no, seq);
CREATE UNIQUE INDEX ON bench_order (id);
ANALYZE bench_order;

-- Lines: entry items on a first order and always for the entry-only; later orders move on, the heavy spenders
-- to the dear ones. Line 1 may be a pack.
CREATE TEMP TABLE bench_line ON COMMIT DROP AS
SELECT o.id AS order_id, l.no AS line_no, o.customer_no, o.seq, o.paid_at,
       CASE WHEN l.no = 1 AND o.pack_no IS NOT NULL THEN NULL
            WHEN o.entry_only OR (o.seq = 1 AND random() < 0.6) THEN 1 + floor(random() * 4)::int
            WHEN o.spend = 'HEAVY' THEN 5 + floor(power(random(), 0.8) * 16)::int
            ELSE 5 + floor(power(random(), 2.2) * 16)::int END AS item_no,
       CASE WHEN l.no = 1 THEN o.pack_no END AS pack_no
FROM bench_order o, generate_series(1, o.lines) l(no);
ALTER TABLE bench_line ADD COLUMN item_id uuid, ADD COLUMN template_id uuid, ADD COLUMN name varchar(100),
  ADD COLUMN category varchar(20), ADD COLUMN price bigint;
UPDATE bench_line l SET item_id = i.id, name = i.name, category = i.category, price = i.price
FROM bench_item i WHERE i.n = l.item_no;
UPDATE bench_line l SET template_id = p.id, name = p.name, price = p.price FROM bench_pack p WHERE p.n = l.pack_no;
CREATE INDEX ON bench_line (order_id);
ANALYZE bench_line;

ALTER TABLE bench_order ADD COLUMN total bigint;
UPDATE bench_order o SET total = t.total FROM (SELECT order_id, sum(price) AS total FROM bench_line GROUP BY order_id) t
WHERE t.order_id = o.id;
ANALYZE bench_order;

-- Stored value: 8 % of buyers with two or more orders top up at their first order; later orders are paid from the
-- card while it covers them (pro rata principal : bonus, as PRO_RATA debits do).
CREATE TEMP TABLE bench_account ON COMMIT DROP AS
SELECT o.customer_no, o.customer_id, o.clinic_id, o.consultant_id, o.paid_at - interval '10 minutes' AS topped_up_at,
       p.id AS plan_id, p.name AS plan_name, p.price, p.value, gen_random_uuid() AS account_id
FROM bench_order o
JOIN LATERAL (SELECT * FROM stored_value_plan sp
              WHERE sp.tenant_id = :'tenant' AND sp.code = CASE WHEN o.spend = 'LIGHT' THEN 'SV5K' ELSE 'SV10K' END) p ON true
WHERE o.seq = 1 AND o.orders >= 2 AND random() < 0.08;
ALTER TABLE bench_account ADD COLUMN top_up_id uuid, ADD COLUMN lot_id uuid, ADD COLUMN entry_id uuid;
UPDATE bench_account SET top_up_id = pg_temp.id_at(topped_up_at), lot_id = pg_temp.id_at(topped_up_at),
  entry_id = pg_temp.id_at(topped_up_at);
CREATE UNIQUE INDEX ON bench_account (customer_no);
CREATE TEMP TABLE bench_debit ON COMMIT DROP AS
WITH candidate AS (
  SELECT o.id AS order_id, o.customer_no, o.paid_at, o.total, o.clinic_id, a.account_id, a.lot_id, a.price, a.value,
         sum(o.total) OVER (PARTITION BY o.customer_no ORDER BY o.seq) AS running
  FROM bench_order o JOIN bench_account a ON a.customer_no = o.customer_no
  WHERE o.seq > 1 AND o.pack_no IS NULL
)
SELECT *, total * price / value AS principal, total - total * price / value AS bonus,
       pg_temp.id_at(paid_at - interval '19 minutes') AS entry_id
FROM candidate WHERE running <= value - 1000;
CREATE UNIQUE INDEX ON bench_debit (order_id);
ANALYZE bench_debit;

-- Refunds: 3 % of orders paid by external tenders without packs, within three weeks, most of them in full.
CREATE TEMP TABLE bench_refund ON COMMIT DROP AS
SELECT o.id AS order_id, o.customer_no, o.customer_id, o.total, o.lines,
       least(o.paid_at + (1 + random() * 20) * interval '1 day', (SELECT at FROM bench_now)) AS refunded_at,
       o.refund_draw < 0.018 AS full_refund
FROM bench_order o
WHERE o.refund_draw < 0.03 AND o.pack_no IS NULL AND NOT EXISTS (SELECT FROM bench_debit d WHERE d.order_id = o.id)
  AND o.paid_at < (SELECT at FROM bench_now) - interval '1 day';
ALTER TABLE bench_refund ADD COLUMN id uuid, ADD COLUMN amount bigint;
UPDATE bench_refund SET id = pg_temp.id_at(refunded_at);
-- A partial refund returns half of line 1.
UPDATE bench_refund r SET amount = CASE WHEN r.full_refund THEN r.total
                                        ELSE greatest(1, (SELECT l.price FROM bench_line l WHERE l.order_id = r.order_id AND l.line_no = 1) / 2) END;
CREATE UNIQUE INDEX ON bench_refund (order_id);
ANALYZE bench_refund;

ALTER TABLE bench_order ADD COLUMN qualifying bigint, ADD COLUMN sv_principal bigint, ADD COLUMN sv_bonus bigint,
  ADD COLUMN points bigint, ADD COLUMN refunded bigint, ADD COLUMN points_reversed bigint;
UPDATE bench_order SET qualifying = total, points = total / 100, refunded = 0, points_reversed = 0;
UPDATE bench_order o SET qualifying = d.principal, sv_principal = d.principal, sv_bonus = d.bonus, points = d.principal / 100
FROM bench_debit d WHERE d.order_id = o.id;
UPDATE bench_order o SET refunded = r.amount, points_reversed = o.points * r.amount / o.total
FROM bench_refund r WHERE r.order_id = o.id;

-- Visits: one for every order (40 minutes before paying), the others (no order) spread over her time.
CREATE TEMP TABLE bench_visit ON COMMIT DROP AS
SELECT o.customer_no, o.customer_id, o.visit_id AS id, o.clinic_id, o.paid_at - interval '40 minutes' AS checked_in_at,
       o.id AS order_id, o.seq, o.consultant_id, o.clinician_id
FROM bench_order o;
INSERT INTO bench_visit (customer_no, customer_id, id, clinic_id, checked_in_at, order_id, seq, consultant_id, clinician_id)
SELECT c.n, c.id, NULL, c.clinic_id, v.at, NULL, NULL, c.owner_id, NULL
FROM bench_customer c,
     LATERAL (SELECT pg_temp.opening_hours(CASE WHEN c.kind = 'NOT_CONVERTED' THEN c.since_at + random() * interval '200 days'
                                                ELSE c.since_at + interval '1 day' + random() * (c.until_at - c.since_at) END) AS at
              FROM generate_series(1, c.extra_visits)) v
WHERE c.extra_visits > 0;
UPDATE bench_visit SET checked_in_at = least(checked_in_at, (SELECT at FROM bench_now) - interval '2 hours')
WHERE order_id IS NULL;
UPDATE bench_visit SET id = pg_temp.id_at(checked_in_at) WHERE id IS NULL;
ANALYZE bench_visit;

-- Customers themselves, consistent with their visits and orders.
CREATE TEMP TABLE bench_customer_dates ON COMMIT DROP AS
SELECT c.n, min(v.checked_in_at) AS first_visit_at, max(v.checked_in_at) AS last_visit_at,
       (SELECT min(paid_at) FROM bench_order o WHERE o.customer_no = c.n) AS first_purchase_at
FROM bench_customer c LEFT JOIN bench_visit v ON v.customer_no = c.n
GROUP BY c.n;
CREATE UNIQUE INDEX ON bench_customer_dates (n);
-- Referrers: an earlier buyer, for 10 % of the buyers.
CREATE TEMP TABLE bench_referrer ON COMMIT DROP AS
SELECT c.n, b.id AS referrer_id, b.n AS referrer_no
FROM (SELECT n, greatest(1, floor(n * random())::int) AS drawn FROM bench_customer
      WHERE kind = 'BUYER' AND n > 100 AND random() < 0.10) c
JOIN bench_customer b ON b.n = c.drawn AND b.kind = 'BUYER' AND b.n < c.n;
CREATE UNIQUE INDEX ON bench_referrer (n);

WITH surname(c, p, i) AS (SELECT * FROM unnest(
       array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭'],
       array['zhang','wang','li','zhao','liu','chen','yang','huang','zhou','wu','xu','sun','ma','zhu','hu','guo'])
       WITH ORDINALITY AS t(c, p, i)),
     given(c, p, i) AS (SELECT * FROM unnest(
       array['丽','娜','静','敏','婷','雪','芳','燕','琳','欣','悦','晨','佳','怡','萍','颖','洁','慧','倩','雯'],
       array['li','na','jing','min','ting','xue','fang','yan','lin','xin','yue','chen','jia','yi','ping','ying','jie','hui','qian','wen'])
       WITH ORDINALITY AS t(c, p, i))
INSERT INTO customer (tenant_id, id, name, name_key, name_initials, name_pinyin, phone, gender, birth_date, source,
                      referrer_id, referrer_attached_at, referrer_attached_by, owner_staff_id, home_clinic_id, tags,
                      marketing_consent, first_visit_at, first_purchase_at, last_visit_at, created_at, updated_at, version)
SELECT :'tenant'::uuid, c.id, s.c || a.c || b.c, s.c || a.c || b.c, left(s.p, 1) || left(a.p, 1) || left(b.p, 1), s.p || a.p || b.p,
       '13' || lpad((c.n::bigint * 7919 % 1000000000)::text, 9, '0'), CASE WHEN c.n % 9 = 0 THEN 'MALE' ELSE 'FEMALE' END,
       date '1965-01-01' + (c.n * 37 % 13000), CASE WHEN r.n IS NOT NULL THEN 'REFERRAL'
            ELSE (array['ADVERTISING','WALK_IN','ONLINE_PLATFORM','EVENT','OTHER'])[1 + c.n % 5] END,
       r.referrer_id, CASE WHEN r.n IS NOT NULL THEN least(c.since_at, coalesce(d.first_visit_at, c.since_at)) - interval '2 days' END,
       CASE WHEN r.n IS NOT NULL THEN 'bench' END,
       c.owner_id, c.clinic_id,
       CASE WHEN c.spend = 'HEAVY' AND c.kind = 'BUYER' THEN '{VIP,老客}'::text[]
            WHEN c.n % 7 = 0 THEN '{敏感肌}'::text[] WHEN c.n % 11 = 0 THEN '{老客}'::text[] ELSE '{}'::text[] END,
       c.n % 3 <> 0, d.first_visit_at, d.first_purchase_at, d.last_visit_at,
       least(c.since_at, coalesce(d.first_visit_at, c.since_at)) - interval '3 days', c.now_at, 0
FROM bench_customer c JOIN bench_customer_dates d ON d.n = c.n LEFT JOIN bench_referrer r ON r.n = c.n
JOIN surname s ON s.i = 1 + c.n % 16 JOIN given a ON a.i = 1 + (c.n / 16) % 20 JOIN given b ON b.i = 1 + (c.n / 320) % 20
ORDER BY c.n;
INSERT INTO customer_phone_gram (tenant_id, customer_id, gram)
SELECT DISTINCT c.tenant_id, c.id, substr(d.digits, i, 4)
FROM customer c CROSS JOIN LATERAL (SELECT regexp_replace(c.phone, '[^0-9]', '', 'g') AS digits) d
CROSS JOIN LATERAL generate_series(1, greatest(length(d.digits) - 3, 0)) i
WHERE c.tenant_id = :'tenant';
INSERT INTO customer_tag (tenant_id, customer_id, tag)
SELECT DISTINCT c.tenant_id, c.id, t FROM customer c, unnest(c.tags) t WHERE c.tenant_id = :'tenant';
ALTER TABLE customer ENABLE TRIGGER customer_phone_grams;
ALTER TABLE customer ENABLE TRIGGER customer_tags;

INSERT INTO visit (tenant_id, id, customer_id, clinic_id, purpose, checked_in_at, checked_out_at, walk_in, checked_in_by,
                   created_at, updated_at, version)
SELECT :'tenant'::uuid, v.id, v.customer_id, v.clinic_id,
       CASE WHEN v.seq = 1 OR v.order_id IS NULL AND random() < 0.3 THEN 'CONSULTATION'
            WHEN v.order_id IS NOT NULL THEN 'TREATMENT' ELSE 'REVIEW' END,
       v.checked_in_at, v.checked_in_at + interval '70 minutes', random() < 0.3, 'bench', v.checked_in_at,
       v.checked_in_at + interval '70 minutes', 1
FROM bench_visit v ORDER BY v.checked_in_at;

-- Consultations: the first visit of a buyer converted; those who never bought did not (with a reason); a tenth of
-- the other visits with a consultation purpose, converted when an order followed, some recent ones pending.
INSERT INTO consultation (tenant_id, id, visit_id, customer_id, clinic_id, consultant_id, consulted_at, summary, outcome,
                          reason, outcome_recorded_at, created_at, updated_at, version)
SELECT :'tenant'::uuid, pg_temp.id_at(x.at), x.visit_id, x.customer_id, x.clinic_id, x.consultant_id, x.at, '面诊', x.outcome,
       CASE WHEN x.outcome = 'NOT_CONVERTED'
            THEN (array['PRICE','PRICE','TRUST','TIMING','EFFECT_DOUBT','COMPETITOR','OTHER'])[1 + floor(random() * 7)::int] END,
       CASE WHEN x.outcome <> 'PENDING' THEN x.at + interval '30 minutes' END, x.at, x.at, 0
FROM (SELECT v.id AS visit_id, v.customer_id, v.clinic_id, v.consultant_id, v.checked_in_at + interval '5 minutes' AS at,
             CASE WHEN v.order_id IS NOT NULL THEN 'CONVERTED'
                  WHEN v.checked_in_at > (SELECT at FROM bench_now) - interval '10 days' AND random() < 0.5 THEN 'PENDING'
                  ELSE 'NOT_CONVERTED' END AS outcome
      FROM bench_visit v JOIN bench_customer c ON c.n = v.customer_no
      WHERE v.seq = 1 OR (v.order_id IS NULL AND c.kind = 'NOT_CONVERTED') OR random() < 0.05) x;

INSERT INTO sales_order (tenant_id, id, number, customer_id, clinic_id, status, consultant_id, clinician_id, tier_id,
                         tier_name, points_multiplier, subtotal, discount, total, refunded, qualifying_paid,
                         qualifying_returned, points_earned, points_reversed, second_development, paid_at, paid_by,
                         created_by, created_at, updated_at, version)
SELECT :'tenant'::uuid, o.id, 'B' || to_char(o.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYMMDD') || lpad(row_number() OVER
         (PARTITION BY (o.paid_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY o.paid_at, o.id)::text, 6, '0'),
       o.customer_id, o.clinic_id,
       CASE WHEN o.refunded = 0 THEN 'PAID' WHEN o.refunded = o.total THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END,
       o.consultant_id, o.clinician_id, NULL, NULL, 1, o.total, 0, o.total, o.refunded, o.qualifying,
       CASE WHEN o.refunded = 0 THEN 0 ELSE o.refunded END, o.points, o.points_reversed,
       o.seq > 1 AND o.consultant_id <> o.owner_id, o.paid_at, 'bench', 'bench', o.paid_at - interval '20 minutes',
       coalesce((SELECT r.refunded_at FROM bench_refund r WHERE r.order_id = o.id), o.paid_at), 1
FROM bench_order o ORDER BY o.paid_at;
INSERT INTO order_line (tenant_id, id, order_id, line_no, item_id, item_name, category, quantity, list_price, unit_price,
                        line_discount, tier_discount_percent, tier_discount, net, refunded, pack_template_id)
SELECT :'tenant'::uuid, pg_temp.id_at(l.paid_at), l.order_id, l.line_no, l.item_id, l.name, l.category, 1, l.price, l.price,
       0, 0, 0, l.price,
       CASE WHEN r.order_id IS NULL THEN 0 WHEN r.full_refund THEN l.price WHEN l.line_no = 1 THEN r.amount ELSE 0 END,
       l.template_id
FROM bench_line l LEFT JOIN bench_refund r ON r.order_id = l.order_id
ORDER BY l.paid_at, l.order_id, l.line_no;
INSERT INTO order_tender (tenant_id, id, order_id, tender_no, method, amount, refunded, stored_value_principal, stored_value_bonus)
SELECT :'tenant'::uuid, pg_temp.id_at(o.paid_at), o.id, 1,
       CASE WHEN o.sv_principal IS NOT NULL THEN 'STORED_VALUE'
            ELSE (array['WECHAT_PAY','WECHAT_PAY','ALIPAY','ALIPAY','BANK_CARD','CASH'])[1 + floor(o.method_draw * 6)::int] END,
       o.total, o.refunded, o.sv_principal, o.sv_bonus
FROM bench_order o WHERE o.total > 0 ORDER BY o.paid_at;

INSERT INTO order_refund (tenant_id, id, order_id, reason, amount, money_returned, points_reversed, points_shortfall,
                          shortfall_amount, refunded_at, refunded_by)
SELECT :'tenant'::uuid, r.id, r.order_id, '顾客不满意', r.amount, r.amount, o.points_reversed, 0, 0, r.refunded_at, 'bench'
FROM bench_refund r JOIN bench_order o ON o.id = r.order_id;
INSERT INTO order_refund_line (tenant_id, refund_id, line_no, amount)
SELECT :'tenant'::uuid, r.id, l.line_no, CASE WHEN r.full_refund THEN l.price ELSE r.amount END
FROM bench_refund r JOIN bench_line l ON l.order_id = r.order_id AND (r.full_refund OR l.line_no = 1);
INSERT INTO order_refund_tender (tenant_id, refund_id, tender_no, amount)
SELECT :'tenant'::uuid, r.id, 1, r.amount FROM bench_refund r;

-- Membership: spend entries, the tier history that replays them (lifetime basis: up with spend, down when a
-- refund pulls her under a threshold), her tier now.
INSERT INTO customer_membership (tenant_id, customer_id, tier_id, first_paid_at, created_at, updated_at, version)
SELECT :'tenant'::uuid, c.id, NULL, d.first_purchase_at, d.first_purchase_at, c.now_at, 0
FROM bench_customer c JOIN bench_customer_dates d ON d.n = c.n WHERE c.orders > 0;
CREATE TEMP TABLE bench_spend ON COMMIT DROP AS
SELECT o.customer_id, o.id AS source_id, 'ORDER'::text AS source, o.qualifying AS amount, o.paid_at AS at
FROM bench_order o WHERE o.qualifying > 0
UNION ALL
SELECT r.customer_id, r.id, 'REFUND', -r.amount, r.refunded_at FROM bench_refund r;
INSERT INTO qualifying_spend (tenant_id, id, customer_id, source, source_id, amount, spent_at, recorded_at)
SELECT :'tenant'::uuid, pg_temp.id_at(at), customer_id, source, source_id, amount, at, at FROM bench_spend ORDER BY at;
CREATE TEMP TABLE bench_tier_step ON COMMIT DROP AS
WITH running AS (
  SELECT s.*, sum(s.amount) OVER (PARTITION BY s.customer_id ORDER BY s.at, s.source_id) AS spend
  FROM bench_spend s
), tiered AS (
  SELECT r.*, (SELECT t.id FROM membership_tier t WHERE t.tenant_id = :'tenant' AND t.threshold <= r.spend
               ORDER BY t.threshold DESC LIMIT 1) AS tier_id
  FROM running r
), changes AS (
  SELECT t.*, lag(t.tier_id) OVER (PARTITION BY t.customer_id ORDER BY t.at, t.source_id) AS from_tier_id,
         row_number() OVER (PARTITION BY t.customer_id ORDER BY t.at, t.source_id) AS step
  FROM tiered t
)
SELECT * FROM changes WHERE tier_id IS DISTINCT FROM from_tier_id AND NOT (step = 1 AND tier_id IS NULL);
INSERT INTO tier_change (tenant_id, id, customer_id, changed_at, from_tier_id, to_tier_id, reason, source_type, source_id,
                         changed_by, qualifying_spend)
SELECT :'tenant'::uuid, pg_temp.id_at(at + step * interval '1 millisecond'), customer_id, at, from_tier_id, tier_id,
       CASE WHEN source = 'ORDER' THEN 'UPGRADE' ELSE 'REFUND' END, source, source_id, 'bench', spend
FROM bench_tier_step;
UPDATE customer_membership m SET tier_id = s.tier_id
FROM (SELECT DISTINCT ON (customer_id) customer_id, tier_id FROM bench_tier_step ORDER BY customer_id, at DESC, source_id DESC) s
WHERE m.tenant_id = :'tenant' AND m.customer_id = s.customer_id;

-- Points: a lot per order earning points (expiring at the end of the next year), reversed on refund, some of each
-- unrefunded lot redeemed for gifts three weeks later, what is left of a lot past its date expired.
INSERT INTO points_account (tenant_id, customer_id, balance, updated_at)
SELECT :'tenant'::uuid, c.id, 0, c.now_at FROM bench_customer c WHERE c.orders > 0;
CREATE TEMP TABLE bench_lot ON COMMIT DROP AS
SELECT o.customer_id, o.id AS order_id, pg_temp.id_at(o.paid_at) AS id, o.points, o.paid_at AS earned_at,
       (make_date(extract(year FROM o.paid_at AT TIME ZONE 'Asia/Shanghai')::int + 2, 1, 1)::timestamp) AT TIME ZONE 'Asia/Shanghai' AS expires_at,
       o.points_reversed, r.id AS refund_id, r.refunded_at,
       CASE WHEN r.order_id IS NOT NULL THEN 0 ELSE (array[0, 0, 0, 0.5, 0.5, 1])[1 + floor(random() * 6)::int] END AS redeem_share
FROM bench_order o LEFT JOIN bench_refund r ON r.order_id = o.id WHERE o.points > 0;
ALTER TABLE bench_lot ADD COLUMN redeemed bigint, ADD COLUMN expired bigint;
UPDATE bench_lot l SET redeemed = CASE WHEN l.earned_at + interval '21 days' < least(l.expires_at, n.at)
                                       THEN floor(l.points * l.redeem_share)::bigint ELSE 0 END
FROM bench_now n;
UPDATE bench_lot l SET expired = CASE WHEN l.expires_at <= n.at THEN l.points - l.redeemed - l.points_reversed ELSE 0 END
FROM bench_now n;
INSERT INTO points_lot (tenant_id, id, customer_id, source, order_id, points, remaining, earned_at, expires_at)
SELECT :'tenant'::uuid, id, customer_id, 'ORDER', order_id, points, points - redeemed - expired - points_reversed, earned_at, expires_at
FROM bench_lot ORDER BY earned_at;
CREATE TEMP TABLE bench_points_entry ON COMMIT DROP AS
SELECT customer_id, id AS lot_id, 'EARN'::text AS kind, points, earned_at AS at, order_id, NULL::uuid AS refund_id FROM bench_lot
UNION ALL
SELECT customer_id, id, 'REVERSE', -points_reversed, refunded_at, order_id, refund_id FROM bench_lot WHERE refund_id IS NOT NULL
UNION ALL
SELECT customer_id, id, 'REDEEM', -redeemed, earned_at + interval '21 days', NULL, NULL FROM bench_lot WHERE redeemed > 0
UNION ALL
SELECT customer_id, id, 'EXPIRE', -expired, expires_at, NULL, NULL FROM bench_lot WHERE expired > 0;
ALTER TABLE bench_points_entry ADD COLUMN id uuid;
UPDATE bench_points_entry SET id = pg_temp.id_at(at);
INSERT INTO points_entry (tenant_id, id, customer_id, kind, points, balance_after, shortfall, order_id, refund_id,
                          gift_description, actor_id, actor_name, occurred_at)
SELECT :'tenant'::uuid, e.id, e.customer_id, e.kind, e.points,
       sum(e.points) OVER (PARTITION BY e.customer_id ORDER BY e.at, e.id), CASE WHEN e.kind = 'REVERSE' THEN 0 END,
       e.order_id, e.refund_id, CASE WHEN e.kind = 'REDEEM' THEN '礼品兑换' END,
       CASE WHEN e.kind = 'EXPIRE' THEN 'system' ELSE 'bench' END, 'bench', e.at
FROM bench_points_entry e ORDER BY e.at;
INSERT INTO points_allocation (tenant_id, entry_id, lot_id, seq, points)
SELECT :'tenant'::uuid, e.id, e.lot_id, 0, e.points FROM bench_points_entry e WHERE e.kind <> 'EARN' AND e.points <> 0
ORDER BY e.at;
UPDATE points_account a SET balance = s.balance
FROM (SELECT customer_id, sum(points) AS balance FROM bench_points_entry GROUP BY customer_id) s
WHERE a.tenant_id = :'tenant' AND a.customer_id = s.customer_id;

-- Stored value: the account, its top-up (lot, entry, tenders) and the orders' debits.
CREATE TEMP TABLE bench_account_use ON COMMIT DROP AS
SELECT a.account_id, coalesce(sum(d.principal), 0) AS principal, coalesce(sum(d.bonus), 0) AS bonus
FROM bench_account a LEFT JOIN bench_debit d ON d.account_id = a.account_id GROUP BY a.account_id;
INSERT INTO stored_value_account (tenant_id, id, customer_id, status, principal, bonus, expired_principal, expired_bonus,
                                  opened_at, updated_at)
SELECT :'tenant'::uuid, a.account_id, a.customer_id, 'ACTIVE', a.price - u.principal, a.value - a.price - u.bonus, 0, 0,
       a.topped_up_at, a.topped_up_at
FROM bench_account a JOIN bench_account_use u ON u.account_id = a.account_id;
INSERT INTO stored_value_top_up (tenant_id, id, account_id, customer_id, plan_id, plan_name, clinic_id, consultant_id,
                                 price, value, topped_up_at, topped_up_by)
SELECT :'tenant'::uuid, top_up_id, account_id, customer_id, plan_id, plan_name, clinic_id, consultant_id, price, value,
       topped_up_at, 'bench'
FROM bench_account;
INSERT INTO stored_value_lot (tenant_id, id, account_id, source, status, plan_id, top_up_id, principal, bonus,
                              principal_remaining, bonus_remaining, principal_consumed, bonus_consumed, expired_principal,
                              expired_bonus, principal_out, bonus_out, debit_order, all_clinics, clinic_ids,
                              sold_at_clinic_id, validity_days, topped_up_at, expires_at)
SELECT :'tenant'::uuid, a.lot_id, a.account_id, 'TOP_UP', 'LIVE', a.plan_id, a.top_up_id, a.price, a.value - a.price,
       a.price - u.principal, a.value - a.price - u.bonus, u.principal, u.bonus, 0, 0, 0, 0, 'PRO_RATA', true, '{}',
       a.clinic_id, NULL, a.topped_up_at, NULL
FROM bench_account a JOIN bench_account_use u ON u.account_id = a.account_id;
INSERT INTO stored_value_entry (tenant_id, id, account_id, kind, principal, bonus, principal_after, bonus_after, clinic_id,
                                top_up_id, actor_id, actor_name, occurred_at)
SELECT :'tenant'::uuid, entry_id, account_id, 'TOP_UP', price, value - price, price, value - price, clinic_id, top_up_id,
       'bench', 'bench', topped_up_at
FROM bench_account;
INSERT INTO stored_value_tender (tenant_id, entry_id, tender_no, method, amount)
SELECT :'tenant'::uuid, entry_id, 1, 'WECHAT_PAY', price FROM bench_account;
INSERT INTO stored_value_allocation (tenant_id, entry_id, seq, lot_id, principal, bonus)
SELECT :'tenant'::uuid, entry_id, 0, lot_id, price, value - price FROM bench_account;
INSERT INTO stored_value_entry (tenant_id, id, account_id, kind, principal, bonus, principal_after, bonus_after, clinic_id,
                                order_id, actor_id, actor_name, occurred_at)
SELECT :'tenant'::uuid, d.entry_id, d.account_id, 'DEBIT', -d.principal, -d.bonus,
       d.price - sum(d.principal) OVER w, d.value - d.price - sum(d.bonus) OVER w, d.clinic_id, d.order_id, 'bench', 'bench',
       d.paid_at - interval '19 minutes'
FROM bench_debit d WINDOW w AS (PARTITION BY d.account_id ORDER BY d.paid_at, d.entry_id);
INSERT INTO stored_value_allocation (tenant_id, entry_id, seq, lot_id, principal, bonus)
SELECT :'tenant'::uuid, entry_id, 0, lot_id, -principal, -bonus FROM bench_debit;

-- Session packs: one per pack line, its sessions split over the template's items (value by standalone price), the
-- first session redeemed at the visit of the sale for half of them.
CREATE TEMP TABLE bench_session_pack ON COMMIT DROP AS
SELECT pg_temp.id_at(o.paid_at) AS id, o.customer_id, o.id AS order_id, o.clinic_id, o.visit_id, o.clinician_id,
       o.paid_at, l.pack_no, l.template_id, l.name, l.price, p.validity, random() < 0.5 AS redeemed_once
FROM bench_order o JOIN bench_line l ON l.order_id = o.id AND l.line_no = 1 AND l.pack_no IS NOT NULL
JOIN bench_pack p ON p.n = l.pack_no;
CREATE TEMP TABLE bench_session_pack_item ON COMMIT DROP AS
SELECT s.id AS pack_id, i.item_id, i.item_no, i.item_name, i.sessions,
       CASE WHEN i.item_no = 1
            THEN s.price - sum(s.price * i.price * i.sessions / w.total) OVER (PARTITION BY s.id) + s.price * i.price * i.sessions / w.total
            ELSE s.price * i.price * i.sessions / w.total END AS paid_value,
       s.redeemed_once AND i.item_no = 1 AS redeemed
FROM bench_session_pack s JOIN bench_pack_item i ON i.pack_no = s.pack_no
JOIN (SELECT pack_no, sum(price * sessions) AS total FROM bench_pack_item GROUP BY pack_no) w ON w.pack_no = s.pack_no;
INSERT INTO session_pack (tenant_id, id, customer_id, template_id, template_name, order_id, order_line_no, unit_no,
                          sold_at_clinic_id, all_clinics, clinic_ids, state, sessions, remaining, paid_value,
                          refunded_value, purchased_at, expires_at, updated_at)
SELECT :'tenant'::uuid, s.id, s.customer_id, s.template_id, s.name, s.order_id, 1, 1, s.clinic_id, true, '{}', 'ACTIVE',
       t.sessions, t.sessions - CASE WHEN s.redeemed_once THEN 1 ELSE 0 END, s.price, 0, s.paid_at,
       s.paid_at + s.validity * interval '1 day', s.paid_at
FROM bench_session_pack s JOIN (SELECT pack_no, sum(sessions)::int AS sessions FROM bench_pack_item GROUP BY pack_no) t
  ON t.pack_no = s.pack_no;
INSERT INTO session_pack_item (tenant_id, pack_id, item_id, item_no, item_name, sessions, remaining, min_interval_days,
                               paid_value, last_redeemed_at)
SELECT :'tenant'::uuid, i.pack_id, i.item_id, i.item_no, i.item_name, i.sessions, i.sessions - CASE WHEN i.redeemed THEN 1 ELSE 0 END,
       14, i.paid_value, CASE WHEN i.redeemed THEN s.paid_at + interval '10 minutes' END
FROM bench_session_pack_item i JOIN bench_session_pack s ON s.id = i.pack_id;
CREATE TEMP TABLE bench_pack_entry ON COMMIT DROP AS
SELECT s.*, pg_temp.id_at(s.paid_at) AS issue_id,
       CASE WHEN s.redeemed_once THEN pg_temp.id_at(s.paid_at + interval '10 minutes') END AS redeem_id
FROM bench_session_pack s;
INSERT INTO session_pack_entry (tenant_id, id, pack_id, kind, sessions, remaining_after, value, clinic_id, order_id,
                                actor_id, actor_name, occurred_at)
SELECT :'tenant'::uuid, e.issue_id, e.id, 'ISSUE', p.sessions, p.sessions, e.price, e.clinic_id, e.order_id, 'bench', 'bench', e.paid_at
FROM bench_pack_entry e JOIN session_pack p ON p.tenant_id = :'tenant' AND p.id = e.id;
INSERT INTO session_pack_entry_item (tenant_id, entry_id, item_id, pack_id, sessions, value)
SELECT :'tenant'::uuid, e.issue_id, i.item_id, e.id, i.sessions, i.paid_value
FROM bench_pack_entry e JOIN bench_session_pack_item i ON i.pack_id = e.id;
INSERT INTO session_pack_entry (tenant_id, id, pack_id, kind, sessions, remaining_after, value, visit_id, clinic_id,
                                clinician_id, actor_id, actor_name, occurred_at)
SELECT :'tenant'::uuid, e.redeem_id, e.id, 'REDEEM', -1, p.remaining, i.paid_value / i.sessions, e.visit_id, e.clinic_id,
       e.clinician_id, 'bench', 'bench', e.paid_at + interval '10 minutes'
FROM bench_pack_entry e JOIN session_pack p ON p.tenant_id = :'tenant' AND p.id = e.id
JOIN bench_session_pack_item i ON i.pack_id = e.id AND i.redeemed
WHERE e.redeemed_once;
INSERT INTO session_pack_entry_item (tenant_id, entry_id, item_id, pack_id, sessions, value)
SELECT :'tenant'::uuid, e.redeem_id, i.item_id, e.id, -1, -(i.paid_value / i.sessions)
FROM bench_pack_entry e JOIN bench_session_pack_item i ON i.pack_id = e.id AND i.redeemed WHERE e.redeemed_once;

-- Referrals count at the referee's first paid order.
INSERT INTO referral (tenant_id, referee_id, referrer_id, order_id, clinic_id, consultant_id, spend, minimum_spend, counted_at)
SELECT :'tenant'::uuid, o.customer_id, r.referrer_id, o.id, o.clinic_id, o.consultant_id, o.qualifying, 0, o.paid_at
FROM bench_referrer r JOIN bench_order o ON o.customer_no = r.n AND o.seq = 1 WHERE o.qualifying > 0;

-- Satisfaction: a survey after a quarter of the visits with an order, mostly content; the unhappy ones open a
-- complaint, handled by now unless recent.
CREATE TEMP TABLE bench_survey ON COMMIT DROP AS
SELECT pg_temp.id_at(v.checked_in_at + interval '1 day') AS id, v.id AS visit_id, v.customer_id, v.clinic_id,
       v.consultant_id, v.checked_in_at, v.checked_in_at + interval '1 day' AS submitted_at,
       CASE WHEN random() < 0.06 THEN 1 + floor(random() * 2)::int ELSE 3 + floor(power(random(), 0.5) * 3)::int END AS result_score
FROM bench_visit v
WHERE v.order_id IS NOT NULL AND random() < 0.25 AND v.checked_in_at + interval '1 day' < (SELECT at FROM bench_now);
INSERT INTO survey (tenant_id, id, visit_id, customer_id, clinic_id, consultant_id, visited_at, channel, status,
                    result_score, experience_score, nps, submitted_at, recorded_by, created_by, created_at, updated_at, version)
SELECT :'tenant'::uuid, id, visit_id, customer_id, clinic_id, consultant_id, checked_in_at, 'STAFF', 'SUBMITTED', result_score,
       least(5, result_score + floor(random() * 2)::int), least(10, result_score * 2 + floor(random() * 2)::int),
       submitted_at, 'bench', 'bench', submitted_at, submitted_at, 1
FROM bench_survey;
INSERT INTO complaint (tenant_id, id, customer_id, clinic_id, visit_id, survey_id, severity, category, status, owner_id,
                       description, resolution_note, opened_at, opened_by, due_at, resolved_at, resolved_by, closed_at,
                       created_at, updated_at, version)
SELECT :'tenant'::uuid, pg_temp.id_at(s.submitted_at), s.customer_id, s.clinic_id, s.visit_id, s.id,
       CASE s.result_score WHEN 1 THEN 'HIGH' ELSE 'MEDIUM' END,
       (array['RESULT','SERVICE','WAITING','PRICE','OTHER'])[1 + floor(random() * 5)::int],
       CASE WHEN recent THEN 'OPEN' ELSE 'CLOSED' END, s.consultant_id, '效果未达预期',
       CASE WHEN NOT recent THEN '已回访并补做护理' END, s.submitted_at, 'bench', s.submitted_at + interval '48 hours',
       CASE WHEN NOT recent THEN s.submitted_at + interval '3 days' END, CASE WHEN NOT recent THEN s.consultant_id END,
       CASE WHEN NOT recent THEN s.submitted_at + interval '4 days' END, s.submitted_at, s.submitted_at, 1
FROM (SELECT b.*, b.submitted_at > (SELECT at FROM bench_now) - interval '30 days' AS recent FROM bench_survey b) s
WHERE s.result_score <= 2;

SELECT definition FROM bench_index \gexec
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', table_name, name, definition) FROM bench_foreign_key \gexec
COMMIT;
