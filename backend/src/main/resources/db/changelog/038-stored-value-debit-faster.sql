--liquibase formatted sql

--changeset meike:038-membership-spend-may-move-plpgsql splitStatements:false
-- The same question as 033 asks, in PL/pgSQL: a SQL function that cannot be inlined is planned again on every call,
-- and every raw debit asks it (the bench measured it at a quarter of stored_value_debit's time); PL/pgSQL keeps the
-- plan for the connection's life.
CREATE OR REPLACE FUNCTION membership_spend_may_move(p_customer_id uuid, p_at timestamptz) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
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
      LEFT JOIN membership_tier held ON held.tenant_id = m.tenant_id AND held.id = m.tier_id);
END
$$;

--changeset meike:038-staff-admission splitStatements:false
-- What the access gate reads before every request of a chain's user, in one statement on a connection the pool
-- set no tenant on (see RowLevelSecurityInterceptor.tenantPerStatement): it sets the tenant, transaction-local so
-- that it ends with the statement, then reads the chain and the login's staff record with the clinics it is limited
-- to. One row; a chain or staff record not found leaves its columns null (clinic_ids then empty).
CREATE FUNCTION staff_admission(p_tenant_id uuid, p_user_id varchar)
  RETURNS TABLE (chain_slug varchar, chain_name varchar, chain_status varchar, chain_currency varchar,
                 chain_time_zone varchar, staff_id uuid, staff_display_name varchar, staff_roles text[],
                 staff_active boolean, staff_all_clinics boolean, staff_clinic_ids uuid[])
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
  RETURN QUERY
    SELECT t.slug, t.name, t.status, t.currency::varchar, t.time_zone, s.id, s.display_name, s.roles, s.active,
           s.all_clinics,
           ARRAY(SELECT c.clinic_id FROM staff_clinic c WHERE c.tenant_id = s.tenant_id AND c.staff_id = s.id)
      FROM (SELECT) one
      LEFT JOIN tenant t ON t.id = p_tenant_id
      LEFT JOIN staff s ON s.tenant_id = p_tenant_id AND s.user_id = p_user_id
     LIMIT 1;
END
$$;
