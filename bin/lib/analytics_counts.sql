-- What `bin/bench analytics` generated, per chain, and the ledgers' invariants over it (each line PASS or FAIL).
\pset footer off
SELECT t.slug AS chain,
       (SELECT count(*) FROM customer c WHERE c.tenant_id = t.id) AS customers,
       (SELECT count(*) FROM sales_order o WHERE o.tenant_id = t.id) AS orders,
       (SELECT count(*) FROM order_line l WHERE l.tenant_id = t.id) AS lines,
       (SELECT count(*) FROM order_refund r WHERE r.tenant_id = t.id) AS refunds,
       (SELECT count(*) FROM visit v WHERE v.tenant_id = t.id) AS visits,
       (SELECT count(*) FROM consultation c WHERE c.tenant_id = t.id) AS consultations,
       (SELECT count(*) FROM referral r WHERE r.tenant_id = t.id) AS referrals,
       (SELECT count(*) FROM survey s WHERE s.tenant_id = t.id) AS surveys,
       (SELECT count(*) FROM complaint c WHERE c.tenant_id = t.id) AS complaints,
       (SELECT count(*) FROM points_entry e WHERE e.tenant_id = t.id) AS points_entries,
       (SELECT count(*) FROM stored_value_account a WHERE a.tenant_id = t.id) AS sv_accounts,
       (SELECT count(*) FROM session_pack p WHERE p.tenant_id = t.id) AS packs,
       (SELECT count(*) FROM tier_change c WHERE c.tenant_id = t.id) AS tier_changes
FROM tenant t ORDER BY t.slug;
SELECT check_name, CASE WHEN bad = 0 THEN 'PASS' ELSE 'FAIL (' || bad || ')' END AS result FROM (
  SELECT 'points balance = sum of entries' AS check_name, count(*) AS bad FROM points_account a
   WHERE a.balance <> (SELECT coalesce(sum(e.points), 0) FROM points_entry e
                        WHERE e.tenant_id = a.tenant_id AND e.customer_id = a.customer_id)
  UNION ALL
  SELECT 'points lot remaining = points + allocations', count(*) FROM points_lot l
   WHERE l.remaining <> l.points + (SELECT coalesce(sum(x.points), 0) FROM points_allocation x
                                     WHERE x.tenant_id = l.tenant_id AND x.lot_id = l.id)
  UNION ALL
  SELECT 'stored value balance = sum of entries', count(*) FROM stored_value_account a
   WHERE (a.principal, a.bonus) <> (SELECT coalesce(sum(e.principal), 0), coalesce(sum(e.bonus), 0) FROM stored_value_entry e
                                     WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id)
  UNION ALL
  SELECT 'stored value lot remaining = allocations', count(*) FROM stored_value_lot l
   WHERE (l.principal_remaining, l.bonus_remaining) <> (SELECT sum(x.principal), sum(x.bonus) FROM stored_value_allocation x
                                                         WHERE x.tenant_id = l.tenant_id AND x.lot_id = l.id)
  UNION ALL
  SELECT 'qualifying spend = orders paid - returned', count(*) FROM customer_membership m
   WHERE (SELECT coalesce(sum(s.amount), 0) FROM qualifying_spend s WHERE s.tenant_id = m.tenant_id AND s.customer_id = m.customer_id)
      <> (SELECT coalesce(sum(o.qualifying_paid - o.qualifying_returned), 0) FROM sales_order o
           WHERE o.tenant_id = m.tenant_id AND o.customer_id = m.customer_id)
  UNION ALL
  SELECT 'tier = last tier change', count(*) FROM customer_membership m
   WHERE m.tier_id IS DISTINCT FROM (SELECT c.to_tier_id FROM tier_change c WHERE c.tenant_id = m.tenant_id
                                      AND c.customer_id = m.customer_id ORDER BY c.changed_at DESC, c.id DESC LIMIT 1)
  UNION ALL
  SELECT 'pack remaining = sum of entries', count(*) FROM session_pack p
   WHERE p.remaining <> (SELECT sum(e.sessions) FROM session_pack_entry e WHERE e.tenant_id = p.tenant_id AND e.pack_id = p.id)
  UNION ALL
  SELECT 'first/last visit and first purchase match the rows', count(*) FROM customer c
   WHERE c.first_visit_at IS DISTINCT FROM (SELECT min(v.checked_in_at) FROM visit v
                                             WHERE v.tenant_id = c.tenant_id AND v.customer_id = c.id)
      OR c.last_visit_at IS DISTINCT FROM (SELECT max(v.checked_in_at) FROM visit v
                                           WHERE v.tenant_id = c.tenant_id AND v.customer_id = c.id)
      OR c.first_purchase_at IS DISTINCT FROM (SELECT min(o.paid_at) FROM sales_order o
                                               WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id)
) checks;
