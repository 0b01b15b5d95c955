-- After the stored-value benchmark: does the database agree with what every client heard, and with itself?
-- One line per check, PASS|FAIL, its name and the figures. Run as the superuser (row-level security does not
-- apply), with variables tenant, keys (debit-keys.tsv: key, account, first answer, entry), orders (orders.tsv:
-- order, answer of its one payment), replays_otherwise (replays the client saw answer another entry) and
-- pgbench_start (each pgbench account's opening balance).
CREATE TEMP TABLE client_debit (key text PRIMARY KEY, account_id uuid, outcome text, entry_id uuid);
CREATE TEMP TABLE client_order (order_id uuid PRIMARY KEY, outcome text);
-- \copy takes its line literally: the file names go in through variables holding the whole command.
\set load_debits '\\copy client_debit FROM ' :'keys'
\set load_orders '\\copy client_order FROM ' :'orders'
:load_debits
:load_orders
-- Timeouts and broken connections: the client does not know whether they were written.
CREATE TEMP VIEW unknown_debit AS SELECT key FROM client_debit WHERE outcome !~ '^[0-9]{3}$';

CREATE TEMP VIEW checks (ok, name, figures) AS
WITH stored_key AS (
  SELECT key, (response ->> 'id')::uuid AS entry_id FROM idempotency_key
  WHERE tenant_id = :'tenant' AND operation LIKE 'stored-value.debit:%'),
raw_entry AS (
  SELECT id FROM stored_value_entry WHERE tenant_id = :'tenant' AND kind = 'DEBIT' AND order_id IS NULL),
heard AS (SELECT key, entry_id FROM client_debit WHERE outcome = '201'),
raw AS (
  SELECT (SELECT count(*) FROM raw_entry) AS entries,
         (SELECT count(*) FROM stored_key) AS keys,
         (SELECT count(DISTINCT entry_id) FROM stored_key WHERE entry_id IN (SELECT id FROM raw_entry)) AS keyed,
         (SELECT count(*) FROM heard) AS heard,
         (SELECT count(*) FROM unknown_debit) AS unknown,
         (SELECT count(*) FROM heard LEFT JOIN stored_key s USING (key, entry_id) WHERE s.key IS NULL) AS lost,
         (SELECT count(*) FROM stored_key WHERE key NOT IN (SELECT key FROM heard)
                                            AND key NOT IN (SELECT key FROM unknown_debit)) AS unheard),
account_sums AS (
  SELECT a.principal, a.bonus, coalesce(e.principal, 0) AS entry_principal, coalesce(e.bonus, 0) AS entry_bonus,
         coalesce(l.principal, 0) AS lot_principal, coalesce(l.bonus, 0) AS lot_bonus
  FROM stored_value_account a
  LEFT JOIN (SELECT tenant_id, account_id, sum(principal) AS principal, sum(bonus) AS bonus
             FROM stored_value_entry GROUP BY 1, 2) e ON (e.tenant_id, e.account_id) = (a.tenant_id, a.id)
  LEFT JOIN (SELECT tenant_id, account_id, sum(principal_remaining) AS principal, sum(bonus_remaining) AS bonus
             FROM stored_value_lot WHERE status = 'LIVE' GROUP BY 1, 2) l
    ON (l.tenant_id, l.account_id) = (a.tenant_id, a.id)),
debit_allocations AS (
  SELECT e.principal, e.bonus, coalesce(sum(x.principal), 0) AS allocated_principal,
         coalesce(sum(x.bonus), 0) AS allocated_bonus
  FROM stored_value_entry e
  LEFT JOIN stored_value_allocation x ON (x.tenant_id, x.entry_id) = (e.tenant_id, e.id)
  WHERE e.kind = 'DEBIT' GROUP BY e.tenant_id, e.id),
agreement (name, what, total, off) AS (
  SELECT 'every account balance = sum of its entries', 'accounts', count(*),
         count(*) FILTER (WHERE principal <> entry_principal OR bonus <> entry_bonus) FROM account_sums
  UNION ALL
  SELECT 'every account balance = sum of its live lots', 'accounts', count(*),
         count(*) FILTER (WHERE principal <> lot_principal OR bonus <> lot_bonus) FROM account_sums
  UNION ALL
  SELECT 'every debit = what it took from lots', 'debits', count(*),
         count(*) FILTER (WHERE principal <> allocated_principal OR bonus <> allocated_bonus) FROM debit_allocations),
order_debit AS (
  SELECT tenant_id, order_id, count(*) AS debits, sum(-principal) AS principal, sum(-bonus) AS bonus,
         min(account_id::text)::uuid AS account_id
  FROM stored_value_entry WHERE kind = 'DEBIT' AND order_id IS NOT NULL GROUP BY 1, 2),
order_tender_sv AS (
  SELECT tenant_id, order_id, count(*) AS tenders, sum(amount) AS amount,
         sum(stored_value_principal) AS principal, sum(stored_value_bonus) AS bonus
  FROM order_tender WHERE method = 'STORED_VALUE' GROUP BY 1, 2),
paid_twice AS (
  SELECT (SELECT count(*) FROM order_debit WHERE debits > 1) + (SELECT count(*) FROM order_tender_sv WHERE tenders > 1)
         AS orders),
bench_order AS (
  SELECT c.outcome, o.status, o.total, o.customer_id, t.tenders, t.amount, t.principal AS tender_principal,
         t.bonus AS tender_bonus, d.debits, d.principal AS debit_principal, d.bonus AS debit_bonus,
         a.customer_id AS debited_customer_id,
         (SELECT sum(amount) FROM order_tender x WHERE (x.tenant_id, x.order_id) = (o.tenant_id, o.id)) AS tendered
  FROM client_order c
  JOIN sales_order o ON o.tenant_id = :'tenant' AND o.id = c.order_id
  LEFT JOIN order_tender_sv t ON (t.tenant_id, t.order_id) = (o.tenant_id, o.id)
  LEFT JOIN order_debit d ON (d.tenant_id, d.order_id) = (o.tenant_id, o.id)
  LEFT JOIN stored_value_account a ON (a.tenant_id, a.id) = (d.tenant_id, d.account_id)),
tender_mismatch AS (
  SELECT count(*) AS orders FROM order_tender_sv t
  FULL JOIN order_debit d USING (tenant_id, order_id)
  WHERE t.amount IS DISTINCT FROM d.principal + d.bonus OR t.principal IS DISTINCT FROM d.principal
     OR t.bonus IS DISTINCT FROM d.bonus),
pgbench AS (
  SELECT count(*) FILTER (WHERE a.balance <> :pgbench_start + coalesce(e.amount, 0)) AS off,
         count(*) FILTER (WHERE a.balance < 0) AS negative, coalesce(sum(e.entries), 0) AS entries
  FROM pgbench_sv.account a
  LEFT JOIN (SELECT account_id, sum(amount) AS amount, count(*) AS entries FROM pgbench_sv.entry GROUP BY 1) e
    ON e.account_id = a.id)
SELECT entries = keys AND keyed = entries AND lost = 0 AND unheard = 0
         AND entries BETWEEN heard AND heard + unknown,
       'raw debits: one ledger entry per successful Idempotency-Key',
       format('%s entries, %s stored keys, %s answered 201 to the client (%s without an answer), %s lost, '
              '%s not heard of', entries, keys, heard, unknown, lost, unheard)
FROM raw
UNION ALL
SELECT :replays_otherwise = 0, 'replays answered the first entry, wrote nothing',
       format('%s replays answered otherwise (entries = keys above)', :replays_otherwise)
UNION ALL
SELECT off = 0, name, format('%s %s, %s off', total, what, off)
FROM agreement
UNION ALL
SELECT n = 0, 'no negative balance', format('%s accounts, entries or lots below zero', n)
FROM (SELECT (SELECT count(*) FROM stored_value_account WHERE principal < 0 OR bonus < 0)
           + (SELECT count(*) FROM stored_value_entry WHERE principal_after < 0 OR bonus_after < 0)
           + (SELECT count(*) FROM stored_value_lot WHERE principal_remaining < 0 OR bonus_remaining < 0) AS n) x
UNION ALL
SELECT orders = 0, 'no order paid twice', format('%s orders with more than one stored-value debit or tender', orders)
FROM paid_twice
UNION ALL
SELECT count(*) FILTER (WHERE outcome = '200' AND (status = 'PAID' AND tenders = 1 AND debits = 1
                       AND tendered = total AND debited_customer_id = customer_id) IS NOT TRUE)
         + count(*) FILTER (WHERE outcome <> '200' AND outcome ~ '^[0-9]{3}$'
                              AND (status = 'DRAFT' AND tenders IS NULL AND debits IS NULL) IS NOT TRUE) = 0
         AND count(*) = (SELECT count(*) FROM client_order),
       'each bench order as its client heard: paid once from its customer, or untouched',
       format('%s orders, %s paid (200), %s refused, %s without an answer', count(*),
              count(*) FILTER (WHERE outcome = '200'), count(*) FILTER (WHERE outcome ~ '^[0-9]{3}$'
                                                                          AND outcome <> '200'),
              count(*) FILTER (WHERE outcome !~ '^[0-9]{3}$'))
FROM bench_order
UNION ALL
SELECT orders = 0, 'order tender totals = their ledger entries',
       format('%s stored-value tenders or order debits that disagree', orders)
FROM tender_mismatch
UNION ALL
SELECT off = 0 AND negative = 0, 'pgbench accounts = opening balance - their entries',
       format('%s entries, %s accounts off, %s negative', entries, off, negative)
FROM pgbench;

SELECT CASE WHEN ok THEN 'PASS' ELSE 'FAIL' END || '  ' || name || ': ' || figures FROM checks;
