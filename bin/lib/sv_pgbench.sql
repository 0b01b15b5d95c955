-- pgbench's equivalent of a stored-value debit, the ceiling the HTTP debits are compared with: the same share of
-- debits on the hot accounts, a conditional single-row UPDATE that never overdraws and a ledger INSERT, one
-- transaction. Variables: accounts, hot, hotshare (set with -D).
\set pick random(1, 100)
\if :pick <= :hotshare
\set id random(1, :hot)
\else
\set id random(:hot + 1, :accounts)
\endif
\set amount random(100, 500)
BEGIN;
UPDATE pgbench_sv.account SET balance = balance - :amount, updated_at = now()
  WHERE id = :id AND balance >= :amount RETURNING balance AS after \gset
INSERT INTO pgbench_sv.entry (id, account_id, amount, balance_after, occurred_at)
  VALUES (gen_random_uuid(), :id, -:amount, :after, now());
END;
