--liquibase formatted sql

--changeset meike:034-member-standards splitStatements:false
-- The five gold standards (五大金标准) of a member over her member year: targets and weights per chain, and an
-- event-maintained summary of each customer's five measures per member year.

-- The chain's targets and weights. One row per chain once a tenant admin sets them (none: the defaults, which
-- member_standards_rules_of answers, the one place they are written down).
CREATE TABLE member_standards_rules (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  spend_target bigint NOT NULL CHECK (spend_target BETWEEN 1 AND 100000000000),
  items_target integer NOT NULL CHECK (items_target BETWEEN 1 AND 1000),
  visits_target integer NOT NULL CHECK (visits_target BETWEEN 1 AND 1000),
  referrals_target integer NOT NULL CHECK (referrals_target BETWEEN 1 AND 1000),
  satisfaction_target numeric(3, 2) NOT NULL CHECK (satisfaction_target > 0 AND satisfaction_target <= 5),
  spend_weight integer NOT NULL CHECK (spend_weight BETWEEN 0 AND 100),
  items_weight integer NOT NULL CHECK (items_weight BETWEEN 0 AND 100),
  visits_weight integer NOT NULL CHECK (visits_weight BETWEEN 0 AND 100),
  referrals_weight integer NOT NULL CHECK (referrals_weight BETWEEN 0 AND 100),
  satisfaction_weight integer NOT NULL CHECK (satisfaction_weight BETWEEN 0 AND 100),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by varchar(64) NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id),
  -- Satisfaction may have no data (no survey): the composite must stand on the other four.
  CHECK (spend_weight + items_weight + visits_weight + referrals_weight > 0)
);

-- One customer's five measures in one member year (1 = the year from her first paid order), as the ledgers say now.
-- Satisfaction is kept as the number of submitted surveys and the sum of their points (result + experience, each
-- 1-5), so averages stay exact. Rows exist for the years with some activity; a year without a row has zeros.
-- Maintained only by member_standards_refresh. Kept narrow: member_standing reads a chain's rows in one pass.
CREATE TABLE member_standard_year (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  customer_id uuid NOT NULL,
  member_year integer NOT NULL CHECK (member_year >= 1),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  spend bigint NOT NULL,
  items integer NOT NULL CHECK (items >= 0),
  visits integer NOT NULL CHECK (visits >= 0),
  referrals integer NOT NULL CHECK (referrals >= 0),
  surveys integer NOT NULL CHECK (surveys >= 0),
  survey_points integer NOT NULL CHECK (survey_points >= 0),
  PRIMARY KEY (tenant_id, customer_id, member_year),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  CHECK (ends_at > starts_at)
);
-- The years in progress at a time: those not ended by then.
CREATE INDEX member_standard_year_ends_ix ON member_standard_year (tenant_id, ends_at);

-- The same year's curve: the cumulative value of each measure at the end of each of the year's twelve months
-- (element k = month k, months as MemberYearMonths counts them).
CREATE TABLE member_standard_curve (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  customer_id uuid NOT NULL,
  member_year integer NOT NULL CHECK (member_year >= 1),
  spend bigint[] NOT NULL CHECK (cardinality(spend) = 12),
  items integer[] NOT NULL CHECK (cardinality(items) = 12),
  visits integer[] NOT NULL CHECK (cardinality(visits) = 12),
  referrals integer[] NOT NULL CHECK (cardinality(referrals) = 12),
  surveys integer[] NOT NULL CHECK (cardinality(surveys) = 12),
  survey_points integer[] NOT NULL CHECK (cardinality(survey_points) = 12),
  PRIMARY KEY (tenant_id, customer_id, member_year),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id)
);

ALTER TABLE member_standards_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_standards_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_standards_rules
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE member_standard_year ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_standard_year FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_standard_year
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE member_standard_curve ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_standard_curve FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_standard_curve
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE ON member_standards_rules TO ${app_role};
-- A refresh replaces a customer's rows.
GRANT SELECT, INSERT, DELETE ON member_standard_year, member_standard_curve TO ${app_role};

-- The chain's rules, or the defaults when it set none: spend 100,000.00, 4 items, 12 visits, 2 referrals,
-- satisfaction 4.5, equal weights.
CREATE FUNCTION member_standards_rules_of(p_tenant uuid)
  RETURNS TABLE (spend_target bigint, items_target integer, visits_target integer, referrals_target integer,
                 satisfaction_target numeric, spend_weight integer, items_weight integer, visits_weight integer,
                 referrals_weight integer, satisfaction_weight integer)
  LANGUAGE sql STABLE AS $$
  SELECT r.spend_target, r.items_target, r.visits_target, r.referrals_target, r.satisfaction_target, r.spend_weight,
         r.items_weight, r.visits_weight, r.referrals_weight, r.satisfaction_weight
    FROM member_standards_rules r WHERE r.tenant_id = p_tenant
  UNION ALL
  SELECT 10000000::bigint, 4, 12, 2, 4.50::numeric, 20, 20, 20, 20, 20
   WHERE NOT EXISTS (SELECT 1 FROM member_standards_rules r WHERE r.tenant_id = p_tenant)
$$;

-- The member year (1, 2, ...) holding p_at for a first paid order at p_first, counted on the chain's local calendar:
-- year n is [first + (n - 1) years, first + n years), and from 29 February a year ends on 28 February, as PostgreSQL's
-- timestamp + interval and Java's plusYears both clip. NULL before the first paid order. age() never counts more
-- whole years than have passed; the CASE adds the one it may count too few at a clipped anniversary. One expression,
-- so the planner inlines it into a scan of every customer.
CREATE FUNCTION member_year_of(p_first timestamptz, p_at timestamptz, p_zone text) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_at < p_first THEN NULL ELSE
    extract(year FROM age(p_at AT TIME ZONE p_zone, p_first AT TIME ZONE p_zone))::integer + 1
    + CASE WHEN (p_first AT TIME ZONE p_zone)
                + (extract(year FROM age(p_at AT TIME ZONE p_zone, p_first AT TIME ZONE p_zone))::integer + 1)
                  * interval '1 year' <= p_at AT TIME ZONE p_zone
           THEN 1 ELSE 0 END
  END
$$;

-- Where member year p_year (1, 2, ...) starts; it ends where p_year + 1 starts.
CREATE FUNCTION member_year_start(p_first timestamptz, p_year integer, p_zone text) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE AS $$
  SELECT ((p_first AT TIME ZONE p_zone) + (p_year - 1) * interval '1 year') AT TIME ZONE p_zone
$$;

-- The month (1-12) of its member year that p_at falls in, the year starting at p_year_start: month k is
-- [start + (k - 1) months, start + k months) on the local calendar, as MemberYearMonths counts them. The day a clipped
-- twelfth month may leave before the next anniversary (a year from 29 February) belongs to month 12.
CREATE FUNCTION member_month_of(p_year_start timestamptz, p_at timestamptz, p_zone text) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$
  SELECT least(12, m + 1 + CASE WHEN (p_year_start AT TIME ZONE p_zone) + (m + 1) * interval '1 month'
                                     <= p_at AT TIME ZONE p_zone THEN 1 ELSE 0 END)
    FROM (SELECT (extract(year FROM a) * 12 + extract(month FROM a))::integer AS m
            FROM (SELECT age(p_at AT TIME ZONE p_zone, p_year_start AT TIME ZONE p_zone) AS a) AS d) AS n
$$;

-- Score of a measure, 0-100: 100 x actual / target, rounded half up, at most 100, never below 0 (a year whose refunds
-- exceed its purchases has a negative spend). Integer arithmetic: it runs for every member of a chain at once.
CREATE FUNCTION member_standard_score(p_actual bigint, p_target bigint) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$
  SELECT least(100, greatest(0, (200 * p_actual + p_target) / (2 * p_target)))::integer
$$;

-- Score of satisfaction against a target in 0.01 steps: 100 x average / target, rounded half up, at most 100; NULL
-- without a survey. The average is points / (2 x surveys), so 100 x average / target = 10000 x points /
-- (2 x surveys x 100 target).
CREATE FUNCTION member_standard_satisfaction_score(p_surveys integer, p_survey_points integer, p_target numeric)
  RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_surveys > 0 THEN least(100, (20000 * p_survey_points::bigint + 2 * p_surveys * (p_target * 100)::bigint)
                                            / (4 * p_surveys * (p_target * 100)::bigint))::integer END
$$;

-- Recomputes one customer's rows of member_standard_year from the ledgers, in the caller's transaction (the
-- observers of payments, refunds, check-ins, surveys, merges and erasures call it). The facts:
--   spend      qualifying_spend entries (paid orders, refunds, stored-value principal and its reversals) at their time;
--   items      the distinct catalog items of her paid order lines not wholly refunded, at the order's payment: an
--              item line counts as its item, a pack line as each item of its pack template; an item counts in the
--              first month of the year she bought it;
--   visits     her check-ins (a visit counts without a purchase);
--   referrals  the people whose referral of her counted (their first paid order) and stands: refunds have not
--              taken its qualifying spend to zero or below the chain's minimum (when the rewards are reversed);
--   surveys    her submitted surveys, at submission, result + experience points.
-- Facts before her first paid order belong to no member year. A merged-away or erased customer has no rows.
-- A transaction-scoped advisory lock per customer orders concurrent refreshes of the same customer.
CREATE FUNCTION member_standards_refresh(p_tenant uuid, p_customer uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_first timestamptz;
  v_zone text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('member_standards/' || p_tenant || '/' || p_customer, 0));
  DELETE FROM member_standard_year WHERE tenant_id = p_tenant AND customer_id = p_customer;
  DELETE FROM member_standard_curve WHERE tenant_id = p_tenant AND customer_id = p_customer;
  SELECT c.first_purchase_at, t.time_zone INTO v_first, v_zone
    FROM customer c JOIN tenant t ON t.id = c.tenant_id
   WHERE c.tenant_id = p_tenant AND c.id = p_customer AND c.merged_into IS NULL AND c.erased_at IS NULL;
  IF v_first IS NULL THEN
    RETURN;
  END IF;
  WITH facts (at, kind, amount, item_id) AS (
    SELECT s.spent_at, 'SPEND', s.amount, NULL::uuid
      FROM qualifying_spend s WHERE s.tenant_id = p_tenant AND s.customer_id = p_customer
    UNION ALL
    SELECT min(o.paid_at), 'ITEM', 0, coalesce(l.item_id, pti.item_id)
      FROM sales_order o
      JOIN order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
      LEFT JOIN pack_template_item pti ON pti.tenant_id = l.tenant_id AND pti.template_id = l.pack_template_id
     WHERE o.tenant_id = p_tenant AND o.customer_id = p_customer AND o.paid_at IS NOT NULL
       AND (l.refunded < l.net OR (l.net = 0 AND o.status <> 'REFUNDED'))
       AND coalesce(l.item_id, pti.item_id) IS NOT NULL
     -- Once per item and member year: the first purchase of it in each year.
     GROUP BY coalesce(l.item_id, pti.item_id), member_year_of(v_first, o.paid_at, v_zone)
    UNION ALL
    SELECT v.checked_in_at, 'VISIT', 1, NULL
      FROM visit v WHERE v.tenant_id = p_tenant AND v.customer_id = p_customer
    UNION ALL
    SELECT r.counted_at, 'REFERRAL', 1, NULL
      FROM referral r
     WHERE r.tenant_id = p_tenant AND r.referrer_id = p_customer
       AND (SELECT r.spend - coalesce(sum(coalesce(f.qualifying_returned, f.money_returned)), 0)
              FROM referral_refund f WHERE f.tenant_id = r.tenant_id AND f.referee_id = r.referee_id)
           > 0
       AND (SELECT r.spend - coalesce(sum(coalesce(f.qualifying_returned, f.money_returned)), 0)
              FROM referral_refund f WHERE f.tenant_id = r.tenant_id AND f.referee_id = r.referee_id)
           >= r.minimum_spend
    UNION ALL
    SELECT s.submitted_at, 'SURVEY', s.result_score + s.experience_score, NULL
      FROM survey s WHERE s.tenant_id = p_tenant AND s.customer_id = p_customer AND s.status = 'SUBMITTED'
  ), placed AS (
    SELECT f.kind, f.amount, y.member_year, member_month_of(member_year_start(v_first, y.member_year, v_zone), f.at,
           v_zone) AS month
      FROM facts f CROSS JOIN LATERAL (SELECT member_year_of(v_first, f.at, v_zone) AS member_year) y
     WHERE f.at >= v_first
  ), monthly AS (
    SELECT y.member_year, k.month,
           coalesce(sum(p.amount) FILTER (WHERE p.kind = 'SPEND'), 0) AS spend,
           count(*) FILTER (WHERE p.kind = 'ITEM') AS items,
           count(*) FILTER (WHERE p.kind = 'VISIT') AS visits,
           count(*) FILTER (WHERE p.kind = 'REFERRAL') AS referrals,
           count(*) FILTER (WHERE p.kind = 'SURVEY') AS surveys,
           coalesce(sum(p.amount) FILTER (WHERE p.kind = 'SURVEY'), 0) AS survey_points
      FROM (SELECT DISTINCT member_year FROM placed) y
      CROSS JOIN generate_series(1, 12) AS k (month)
      LEFT JOIN placed p ON p.member_year = y.member_year AND p.month = k.month
     GROUP BY y.member_year, k.month
  ), running AS (
    SELECT m.member_year, m.month,
           sum(m.spend) OVER w AS spend, sum(m.items) OVER w AS items, sum(m.visits) OVER w AS visits,
           sum(m.referrals) OVER w AS referrals, sum(m.surveys) OVER w AS surveys,
           sum(m.survey_points) OVER w AS survey_points
      FROM monthly m
    WINDOW w AS (PARTITION BY m.member_year ORDER BY m.month)
  ), curves AS (
    SELECT r.member_year, array_agg(r.spend ORDER BY r.month) AS spend, array_agg(r.items ORDER BY r.month) AS items,
           array_agg(r.visits ORDER BY r.month) AS visits, array_agg(r.referrals ORDER BY r.month) AS referrals,
           array_agg(r.surveys ORDER BY r.month) AS surveys,
           array_agg(r.survey_points ORDER BY r.month) AS survey_points
      FROM running r
     GROUP BY r.member_year
  ), years AS (
    INSERT INTO member_standard_year (tenant_id, customer_id, member_year, starts_at, ends_at, spend, items, visits,
                                      referrals, surveys, survey_points)
    SELECT p_tenant, p_customer, c.member_year, member_year_start(v_first, c.member_year, v_zone),
           member_year_start(v_first, c.member_year + 1, v_zone), c.spend[12], c.items[12], c.visits[12],
           c.referrals[12], c.surveys[12], c.survey_points[12]
      FROM curves c
  )
  INSERT INTO member_standard_curve (tenant_id, customer_id, member_year, spend, items, visits, referrals, surveys,
                                     survey_points)
  SELECT p_tenant, p_customer, c.member_year, c.spend, c.items, c.visits, c.referrals, c.surveys, c.survey_points
    FROM curves c;
END
$$;

-- A raw stored-value debit or its reversal (one SQL statement, no Java event) moves qualifying spend by itself: its
-- ledger row refreshes the customer's standards. Orders refresh through their events.
CREATE FUNCTION member_standards_on_spend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_standards_refresh(NEW.tenant_id, NEW.customer_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER member_standards_on_spend AFTER INSERT ON qualifying_spend
  FOR EACH ROW WHEN (NEW.source IN ('STORED_VALUE', 'STORED_VALUE_REVERSAL'))
  EXECUTE FUNCTION member_standards_on_spend();

-- The composite member value score: the weighted mean of the measure scores, rounded half up, where satisfaction
-- without a survey (a NULL score) is left out and the other weights count alone (re-normalised).
CREATE FUNCTION member_standard_composite(p_spend integer, p_items integer, p_visits integer, p_referrals integer,
                                          p_satisfaction integer, p_spend_weight integer, p_items_weight integer,
                                          p_visits_weight integer, p_referrals_weight integer,
                                          p_satisfaction_weight integer) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$
  SELECT ((2 * (p_spend_weight * p_spend + p_items_weight * p_items + p_visits_weight * p_visits
                + p_referrals_weight * p_referrals + coalesce(p_satisfaction_weight * p_satisfaction, 0)))
          + (p_spend_weight + p_items_weight + p_visits_weight + p_referrals_weight
             + CASE WHEN p_satisfaction IS NULL THEN 0 ELSE p_satisfaction_weight END))
         / (2 * (p_spend_weight + p_items_weight + p_visits_weight + p_referrals_weight
                 + CASE WHEN p_satisfaction IS NULL THEN 0 ELSE p_satisfaction_weight END))
$$;

-- Satisfaction of a year: the surveys' average of result and experience (1-5), two decimals; NULL without a survey.
CREATE FUNCTION member_standard_satisfaction(p_surveys integer, p_survey_points integer) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_surveys > 0 THEN round(p_survey_points / (2.0 * p_surveys), 2) END
$$;

-- The scores of one member year's measures against the chain's targets, and the composite. For one customer at a
-- time; member_standing scores a whole chain with the same functions.
CREATE FUNCTION member_standards_scored(p_tenant uuid, p_spend bigint, p_items integer, p_visits integer,
                                        p_referrals integer, p_surveys integer, p_survey_points integer)
  RETURNS TABLE (satisfaction numeric, spend_score integer, items_score integer, visits_score integer,
                 referrals_score integer, satisfaction_score integer, score integer)
  LANGUAGE sql STABLE AS $$
  SELECT member_standard_satisfaction(p_surveys, p_survey_points), s.spend_score, s.items_score, s.visits_score,
         s.referrals_score, s.satisfaction_score,
         member_standard_composite(s.spend_score, s.items_score, s.visits_score, s.referrals_score,
                                   s.satisfaction_score, r.spend_weight, r.items_weight, r.visits_weight,
                                   r.referrals_weight, r.satisfaction_weight)
    FROM member_standards_rules_of(p_tenant) r
    CROSS JOIN LATERAL (
      SELECT member_standard_score(p_spend, r.spend_target) AS spend_score,
             member_standard_score(p_items, r.items_target) AS items_score,
             member_standard_score(p_visits, r.visits_target) AS visits_score,
             member_standard_score(p_referrals, r.referrals_target) AS referrals_score,
             member_standard_satisfaction_score(p_surveys, p_survey_points, r.satisfaction_target)
               AS satisfaction_score) s
$$;

-- Each customer's member year holding p_at (customers without a paid order by then are absent; a year without
-- activity yet has zeros): the five measures as recorded now, their scores and the composite. One pass over the
-- chain's customers hash-joined to the summary rows of the years in progress at p_at (the year is computed from her
-- first paid order only where she has no row). The contract segments build on: its signature does not change.
CREATE FUNCTION member_standing(p_tenant uuid, p_at timestamptz)
  RETURNS TABLE (customer_id uuid, member_year integer, year_starts_at timestamptz, year_ends_at timestamptz,
                 spend bigint, items integer, visits integer, referrals integer, satisfaction numeric,
                 spend_score integer, items_score integer, visits_score integer, referrals_score integer,
                 satisfaction_score integer, score integer)
  LANGUAGE sql STABLE AS $$
  WITH rules AS MATERIALIZED (SELECT * FROM member_standards_rules_of(p_tenant)),
  zone AS MATERIALIZED (SELECT t.time_zone FROM tenant t WHERE t.id = p_tenant),
  years AS (
    SELECT y.customer_id, y.member_year, y.starts_at, y.ends_at, y.spend, y.items, y.visits, y.referrals, y.surveys,
           y.survey_points
      FROM member_standard_year y
     WHERE y.tenant_id = p_tenant AND y.ends_at > p_at AND y.starts_at <= p_at
  ), measured AS (
    SELECT c.id, coalesce(y.member_year, member_year_of(c.first_purchase_at, p_at, z.time_zone)) AS member_year,
           y.starts_at, y.ends_at, c.first_purchase_at, z.time_zone,
           coalesce(y.spend, 0) AS spend, coalesce(y.items, 0) AS items, coalesce(y.visits, 0) AS visits,
           coalesce(y.referrals, 0) AS referrals, coalesce(y.surveys, 0) AS surveys,
           coalesce(y.survey_points, 0) AS survey_points
      FROM customer c
      CROSS JOIN zone z
      LEFT JOIN years y ON y.customer_id = c.id
     WHERE c.tenant_id = p_tenant AND c.first_purchase_at <= p_at AND c.merged_into IS NULL AND c.erased_at IS NULL
  ), scored AS (
    SELECT d.*, member_standard_score(d.spend, r.spend_target) AS spend_score,
           member_standard_score(d.items, r.items_target) AS items_score,
           member_standard_score(d.visits, r.visits_target) AS visits_score,
           member_standard_score(d.referrals, r.referrals_target) AS referrals_score,
           member_standard_satisfaction_score(d.surveys, d.survey_points, r.satisfaction_target)
             AS satisfaction_score,
           r.spend_weight, r.items_weight, r.visits_weight, r.referrals_weight, r.satisfaction_weight
      FROM measured d CROSS JOIN rules r
    -- Kept a subquery, so the composite reads the scores as columns: it is inlined only over plain arguments.
    OFFSET 0
  )
  SELECT s.id, s.member_year,
         coalesce(s.starts_at, member_year_start(s.first_purchase_at, s.member_year, s.time_zone)),
         coalesce(s.ends_at, member_year_start(s.first_purchase_at, s.member_year + 1, s.time_zone)),
         s.spend, s.items, s.visits, s.referrals, member_standard_satisfaction(s.surveys, s.survey_points),
         s.spend_score, s.items_score,
         s.visits_score, s.referrals_score, s.satisfaction_score,
         member_standard_composite(s.spend_score, s.items_score, s.visits_score, s.referrals_score,
                                   s.satisfaction_score, s.spend_weight, s.items_weight, s.visits_weight,
                                   s.referrals_weight, s.satisfaction_weight)
    FROM scored s
$$;

--changeset meike:034-member-standards-backfill splitStatements:false
-- Every chain's customers with a paid order get their rows from the ledgers as they stand (demo data included).
DO $$
DECLARE
  v_tenants uuid[];
  v_tenant uuid;
BEGIN
  PERFORM set_config('app.platform', 'on', true);
  SELECT coalesce(array_agg(id), '{}') INTO v_tenants FROM tenant;
  PERFORM set_config('app.platform', '', true);
  FOREACH v_tenant IN ARRAY v_tenants LOOP
    PERFORM set_config('app.tenant_id', v_tenant::text, true);
    PERFORM member_standards_refresh(v_tenant, c.id)
       FROM customer c WHERE c.tenant_id = v_tenant AND c.first_purchase_at IS NOT NULL;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
