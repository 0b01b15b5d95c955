--liquibase formatted sql

--changeset meike:033-membership-spend-may-move splitStatements:false
-- Whether spend of the customer recorded at `at` could change her membership the way MembershipService.afterSpend
-- would: no program (let it say so), no membership row or first paid time yet or a later one, an override (which may
-- have run out), or a tier on the ladder other than hers and not below hers whose threshold her gross positive spend
-- reaches (no window of any basis sums to more than every positive entry). False: afterSpend would change nothing.
CREATE FUNCTION membership_spend_may_move(p_customer_id uuid, p_at timestamptz) RETURNS boolean LANGUAGE sql
STABLE AS $$
  SELECT NOT EXISTS (SELECT FROM membership_program WHERE tenant_id = app_current_tenant())
      OR m.customer_id IS NULL OR m.first_paid_at IS NULL OR p_at < m.first_paid_at OR m.override_tier_id IS NOT NULL
      OR EXISTS (SELECT FROM membership_tier t
                  WHERE t.tenant_id = app_current_tenant() AND t.position IS NOT NULL
                    AND t.id IS DISTINCT FROM m.tier_id
                    AND (held.position IS NULL OR t.threshold >= held.threshold)
                    AND t.threshold <= (SELECT coalesce(sum(s.amount) FILTER (WHERE s.amount > 0), 0)
                                          FROM qualifying_spend s
                                         WHERE s.tenant_id = app_current_tenant() AND s.customer_id = p_customer_id))
    FROM (SELECT) one
    LEFT JOIN customer_membership m ON m.tenant_id = app_current_tenant() AND m.customer_id = p_customer_id
    LEFT JOIN membership_tier held ON held.tenant_id = m.tenant_id AND held.id = m.tier_id
$$;

--changeset meike:033-stored-value-fast-debit splitStatements:false
-- A ledger entry id after `after` (the account's newest entry, or null): a UUIDv7 of the clock with the microsecond
-- within the millisecond in rand_a (RFC 9562 method 3), so an account's entries sort in the order they were written
-- even when the clock steps back or two land in one microsecond.
CREATE FUNCTION stored_value_entry_id(after uuid) RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  micros bigint := floor(extract(epoch FROM clock_timestamp()) * 1000000);
  ms bigint := micros / 1000;
  sub integer := micros % 1000;
  hex text;
  after_ms bigint;
  after_sub integer;
BEGIN
  IF after IS NOT NULL THEN
    hex := replace(after::text, '-', '');
    after_ms := ('x' || lpad(substr(hex, 1, 12), 16, '0'))::bit(64)::bigint;
    after_sub := ('x' || lpad(substr(hex, 14, 3), 16, '0'))::bit(64)::bigint;
    IF (ms, sub) <= (after_ms, after_sub) THEN
      ms := after_ms + (after_sub + 1) / 4096;
      sub := (after_sub + 1) % 4096;
    END IF;
  END IF;
  -- The variant nibble and the 62 random bits come from gen_random_uuid (a strong random source).
  RETURN (lpad(to_hex(ms), 12, '0') || '7' || lpad(to_hex(sub), 3, '0')
          || substr(replace(gen_random_uuid()::text, '-', ''), 17, 16))::uuid;
END
$$;

-- A stored-value DEBIT in one statement, so the account row is locked for that statement only (run outside a
-- transaction it commits with it). The arithmetic of StoredValueLots.debit (StoredValueFastDebitTest compares them):
-- a locked account of the current tenant (RLS applies: the function runs as its caller), found by id or by its
-- customer (p_account_id null, an order's tender); the oldest spendable lots first, within a lot principal steered to
-- target(C + d); the entry, its allocations, the lots and the account's cached buckets moved together. A raw debit
-- (p_key not null) also has its clinic checked, claims its Idempotency-Key first and stores its answer with it (a
-- replay answers the stored one), records the principal as qualifying spend and writes the audit event. Refusals
-- raise (so nothing is written, the claim included): MKCLN clinic not of the chain or closed, MKFBD caller may not
-- work there, MKKEY key reused for another request, MKNFA no such account, MKVIS visit not the customer's at the
-- clinic, MKFRZ frozen, MKBAL short balance (DETAIL: the amount available), MKEXP lots due to expire with a key
-- claimed (the caller expires them in a transaction and calls again; without a key it answers {"lotsDue": true}
-- instead, so the caller's transaction goes on). Answers {"customerId", "entry", "tierMayMove"}: the account's
-- customer, the entry as the API shows it (EntryView, also the answer stored with the key) and whether its
-- qualifying spend may move her tier.
CREATE FUNCTION stored_value_debit(
  p_account_id uuid, p_customer_id uuid, p_amount bigint, p_clinic_id uuid, p_may_work_in boolean,
  p_at timestamptz, p_currency varchar, p_order_id uuid, p_visit_id uuid, p_reference varchar, p_note varchar,
  p_actor_id varchar, p_actor_name varchar, p_request_id varchar,
  p_key varchar, p_operation varchar, p_request_hash varchar) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  tenant uuid := app_current_tenant();
  place record;
  stored record;
  account record;
  lot record;
  last_entry uuid;
  new_entry uuid;
  left_over bigint := p_amount;
  d bigint;
  x bigint;
  target bigint;
  principal_taken bigint := 0;
  bonus_taken bigint := 0;
  lot_ids uuid[] := '{}';
  principals bigint[] := '{}';
  bonuses bigint[] := '{}';
  answer jsonb;
BEGIN
  IF p_key IS NOT NULL THEN
    -- A raw debit's clinic, as ClinicService.requireWorkplace checks it (an order's was checked when drafted).
    SELECT name, active INTO place FROM clinic WHERE tenant_id = tenant AND id = p_clinic_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'MKCLN', MESSAGE = 'is not a clinic of this chain';
    ELSIF NOT place.active THEN
      RAISE EXCEPTION USING ERRCODE = 'MKCLN', MESSAGE = 'is closed';
    ELSIF NOT p_may_work_in THEN
      RAISE EXCEPTION USING ERRCODE = 'MKFBD', MESSAGE = 'You do not work at clinic ' || place.name;
    END IF;
    -- A concurrent request with the key waits here for the first to commit (or roll back, freeing the key).
    INSERT INTO idempotency_key (tenant_id, key, operation, request_hash, created_at)
      VALUES (tenant, p_key, p_operation, p_request_hash, p_at) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      SELECT request_hash, response INTO stored FROM idempotency_key WHERE tenant_id = tenant AND key = p_key;
      IF stored.request_hash <> p_request_hash OR stored.response IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'MKKEY', MESSAGE = 'This Idempotency-Key was used for another request;'
          ' use a new key for a new request';
      END IF;
      SELECT customer_id INTO account FROM stored_value_account WHERE tenant_id = tenant AND id = p_account_id;
      RETURN jsonb_build_object('customerId', account.customer_id, 'entry', stored.response,
                                'tierMayMove', (stored.response #>> '{principal,amount}')::bigint < 0
                                               AND membership_spend_may_move(account.customer_id, p_at));
    END IF;
  END IF;

  IF p_account_id IS NOT NULL THEN
    SELECT * INTO account FROM stored_value_account WHERE tenant_id = tenant AND id = p_account_id FOR UPDATE;
  ELSE
    SELECT * INTO account FROM stored_value_account WHERE tenant_id = tenant AND customer_id = p_customer_id
      FOR UPDATE;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'MKNFA', MESSAGE = 'no stored-value account';
  END IF;
  IF p_visit_id IS NOT NULL AND NOT EXISTS (SELECT FROM visit WHERE tenant_id = tenant AND id = p_visit_id
      AND customer_id = account.customer_id AND clinic_id = p_clinic_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'MKVIS', MESSAGE = 'is not a visit of this customer at this clinic';
  END IF;
  IF account.status = 'FROZEN' THEN
    RAISE EXCEPTION USING ERRCODE = 'MKFRZ', MESSAGE = 'The account is frozen (' || account.frozen_reason
      || '); unfreeze it to take a debit';
  END IF;
  IF EXISTS (SELECT FROM stored_value_lot WHERE tenant_id = tenant AND account_id = account.id
      AND status <> 'CLOSED' AND principal_remaining + bonus_remaining > 0 AND expires_at <= p_at) THEN
    IF p_key IS NOT NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'MKEXP', MESSAGE = 'lots are due to expire';
    END IF;
    RETURN jsonb_build_object('lotsDue', true);
  END IF;

  FOR lot IN SELECT id, principal, bonus, principal_remaining, bonus_remaining, principal_consumed, bonus_consumed,
                    debit_order
               FROM stored_value_lot
              WHERE tenant_id = tenant AND account_id = account.id AND status = 'LIVE'
                AND principal_remaining + bonus_remaining > 0 AND (expires_at IS NULL OR p_at < expires_at)
                AND (all_clinics OR p_clinic_id = ANY (clinic_ids))
              ORDER BY topped_up_at, id LOOP
    EXIT WHEN left_over = 0;
    d := least(left_over, lot.principal_remaining + lot.bonus_remaining);
    target := CASE lot.debit_order
                WHEN 'PRO_RATA' THEN div((lot.principal_consumed + lot.bonus_consumed + d)::numeric * lot.principal,
                                         lot.principal + lot.bonus)::bigint
                ELSE least(lot.principal_consumed + lot.bonus_consumed + d, lot.principal)
              END - lot.principal_consumed;
    x := greatest(greatest(0, d - lot.bonus_remaining), least(target, least(d, lot.principal_remaining)));
    lot_ids := lot_ids || lot.id;
    principals := principals || -x;
    bonuses := bonuses || -(d - x);
    principal_taken := principal_taken + x;
    bonus_taken := bonus_taken + d - x;
    left_over := left_over - d;
  END LOOP;
  IF left_over > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'MKBAL', MESSAGE = 'short balance', DETAIL = (p_amount - left_over)::text;
  END IF;

  UPDATE stored_value_lot l SET principal_remaining = l.principal_remaining + s.principal,
                                bonus_remaining = l.bonus_remaining + s.bonus,
                                principal_consumed = l.principal_consumed - s.principal,
                                bonus_consumed = l.bonus_consumed - s.bonus
    FROM unnest(lot_ids, principals, bonuses) AS s (id, principal, bonus)
   WHERE l.tenant_id = tenant AND l.id = s.id;
  UPDATE stored_value_account SET principal = principal - principal_taken, bonus = bonus - bonus_taken,
                                  updated_at = p_at
   WHERE tenant_id = tenant AND id = account.id;
  SELECT e.id INTO last_entry FROM stored_value_entry e WHERE e.tenant_id = tenant AND e.account_id = account.id
   ORDER BY e.id DESC LIMIT 1;
  new_entry := stored_value_entry_id(last_entry);
  INSERT INTO stored_value_entry (tenant_id, id, account_id, kind, principal, bonus, principal_after, bonus_after,
                                  clinic_id, order_id, visit_id, reference, note, actor_id, actor_name, request_id,
                                  occurred_at)
    VALUES (tenant, new_entry, account.id, 'DEBIT', -principal_taken, -bonus_taken,
            account.principal - principal_taken, account.bonus - bonus_taken, p_clinic_id, p_order_id, p_visit_id,
            p_reference, p_note, p_actor_id, p_actor_name, p_request_id, p_at);
  INSERT INTO stored_value_allocation (tenant_id, entry_id, seq, lot_id, principal, bonus)
    SELECT tenant, new_entry, s.seq - 1, s.id, s.principal, s.bonus
      FROM unnest(lot_ids, principals, bonuses) WITH ORDINALITY AS s (id, principal, bonus, seq);

  answer := jsonb_build_object(
    'id', new_entry, 'accountId', account.id, 'kind', 'DEBIT',
    'principal', jsonb_build_object('amount', -principal_taken, 'currency', p_currency),
    'bonus', jsonb_build_object('amount', -bonus_taken, 'currency', p_currency),
    'amount', jsonb_build_object('amount', -p_amount, 'currency', p_currency),
    'principalAfter', jsonb_build_object('amount', account.principal - principal_taken, 'currency', p_currency),
    'bonusAfter', jsonb_build_object('amount', account.bonus - bonus_taken, 'currency', p_currency),
    'balanceAfter', jsonb_build_object('amount', account.principal + account.bonus - p_amount,
                                       'currency', p_currency),
    'refundAmount', NULL, 'forfeitedBonus', NULL, 'clinicId', p_clinic_id, 'orderId', p_order_id,
    'refundId', NULL, 'topUpId', NULL, 'visitId', p_visit_id, 'reference', p_reference, 'note', p_note,
    'reversesEntryId', NULL, 'reversedBy', NULL, 'counterpartyAccountId', NULL, 'reason', NULL,
    'actorId', p_actor_id, 'actorName', p_actor_name, 'requestId', p_request_id, 'occurredAt', p_at,
    'allocations', (SELECT jsonb_agg(jsonb_build_object('lotId', s.id,
                                      'principal', jsonb_build_object('amount', s.principal, 'currency', p_currency),
                                      'bonus', jsonb_build_object('amount', s.bonus, 'currency', p_currency),
                                      'refundAmount', NULL) ORDER BY s.seq)
                      FROM unnest(lot_ids, principals, bonuses) WITH ORDINALITY AS s (id, principal, bonus, seq)),
    'tenders', '[]'::jsonb);

  IF p_key IS NOT NULL THEN
    IF principal_taken > 0 THEN
      -- Tiers follow from the spend: the caller moves the customer's tier once this has committed, if it may move.
      INSERT INTO customer_membership (tenant_id, customer_id, created_at, updated_at, version)
        VALUES (tenant, account.customer_id, p_at, p_at, 0) ON CONFLICT DO NOTHING;
      -- As MembershipService locks it for spend: whoever records her spend second sees the first's when deciding
      -- whether her tier may move (FK checks of her spend rows may still share it).
      PERFORM FROM customer_membership WHERE tenant_id = tenant AND customer_id = account.customer_id
        FOR NO KEY UPDATE;
      INSERT INTO qualifying_spend (tenant_id, id, customer_id, source, source_id, amount, spent_at, recorded_at)
        VALUES (tenant, stored_value_entry_id(NULL), account.customer_id, 'STORED_VALUE', new_entry, principal_taken,
                p_at, p_at);
    END IF;
    INSERT INTO audit_event (tenant_id, id, occurred_at, actor_id, actor_name, action, entity_type, entity_id,
                             request_id, changes)
      VALUES (tenant, stored_value_entry_id(NULL), p_at, p_actor_id, left(p_actor_name, 100),
              'stored-value.debited', 'stored-value-account', account.id, p_request_id,
              jsonb_build_object('entryId', new_entry, 'principal', -principal_taken, 'bonus', -bonus_taken));
    UPDATE idempotency_key SET response = answer WHERE tenant_id = tenant AND key = p_key;
  END IF;
  RETURN jsonb_build_object('customerId', account.customer_id, 'entry', answer,
                            'tierMayMove', p_key IS NOT NULL AND principal_taken > 0
                                           AND membership_spend_may_move(account.customer_id, p_at));
END
$$;
