# bin/bench analytics: one big generated chain (demo chain A's ids, so the realm's a.manager signs in to it) and a
# small second one (chain B), then the latency of every analytics GET endpoint the backend serves. Sourced by
# bin/bench after bench.sh; uses BENCH_KC_PORT and the ANALYTICS_* knobs set there.

BENCH_TENANT_B=01900000-0000-7000-8000-00000000000b
ANALYTICS_CLINIC_MANAGER=a.bench.clinic-manager

# analytics_generated: true when the database holds a finished generated chain A (the generator commits once).
analytics_generated() {
  [ -n "$(pg_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$ANALYTICS_DB'")" ] &&
    [ -n "$(pg_admin -d "$ANALYTICS_DB" -c "SELECT 1 FROM pg_class WHERE relname = 'tenant'" 2>/dev/null)" ] &&
    [ -n "$(pg_admin -d "$ANALYTICS_DB" -c "SELECT 1 FROM tenant WHERE id = '$BENCH_TENANT_A'")" ]
}

# analytics_generate TENANT P SLUG NAME CUSTOMERS ORDERS VISITS CLINICS SEED
analytics_generate() {
  local started=$SECONDS
  pg_as_admin psql -X -q -v ON_ERROR_STOP=1 -d "$ANALYTICS_DB" -v tenant="$1" -v p="$2" -v slug="$3" -v chain="$4" \
    -v customers="$5" -v orders="$6" -v visits="$7" -v clinics="$8" -v seed="$9" -f "$BENCH_LIB/analytics_gen.sql" >/dev/null
  echo "  chain $3: $5 customers, $6 orders, $7 visits wanted, generated in $((SECONDS - started)) s"
}

# analytics_clinic_manager: a realm login with the manager role limited to chain A's first clinic, and its staff
# record (made again when the realm was reset).
analytics_clinic_manager() {
  local kc="http://localhost:$BENCH_KC_PORT" admin id clinic
  clinic="01900000-0000-7000-8000-0000000ac001"
  admin=$(curl -fsS "$kc/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    -d username=admin -d password=admin | jq -r .access_token)
  id=$(curl -fsS -H "Authorization: Bearer $admin" \
    "$kc/admin/realms/meike/users?username=$ANALYTICS_CLINIC_MANAGER&exact=true" | jq -r '.[0].id // empty')
  if [ -z "$id" ]; then
    curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      "$kc/admin/realms/meike/users" -d "$(jq -n --arg u "$ANALYTICS_CLINIC_MANAGER" --arg t "$BENCH_TENANT_A" --arg c "$clinic" \
      '{username: $u, email: ($u + "@bench.meike.local"), emailVerified: true, firstName: "店长", lastName: "门店",
        enabled: true, attributes: {tenant_id: [$t], clinic_ids: [$c]},
        credentials: [{type: "password", value: "meike-demo", temporary: false}]}')"
    id=$(curl -fsS -H "Authorization: Bearer $admin" \
      "$kc/admin/realms/meike/users?username=$ANALYTICS_CLINIC_MANAGER&exact=true" | jq -r '.[0].id')
    curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      "$kc/admin/realms/meike/users/$id/role-mappings/realm" \
      -d "[$(curl -fsS -H "Authorization: Bearer $admin" "$kc/admin/realms/meike/roles/manager")]"
  fi
  pg_admin -d "$ANALYTICS_DB" <<SQL
BEGIN;
SET LOCAL app.tenant_id = '$BENCH_TENANT_A';
INSERT INTO staff (tenant_id, id, user_id, username, email, display_name, roles, all_clinics, active, created_at,
                   updated_at, version)
VALUES ('$BENCH_TENANT_A', '01900000-0000-7000-8000-0000000a5006', '$id', '$ANALYTICS_CLINIC_MANAGER',
        '$ANALYTICS_CLINIC_MANAGER@bench.meike.local', '门店店长 (bench)', '{manager}', false, true, now(), now(), 0)
ON CONFLICT (tenant_id, id) DO UPDATE SET user_id = EXCLUDED.user_id;
INSERT INTO staff_clinic (tenant_id, staff_id, clinic_id)
VALUES ('$BENCH_TENANT_A', '01900000-0000-7000-8000-0000000a5006', '$clinic') ON CONFLICT DO NOTHING;
COMMIT;
SQL
}

# analytics_backend: the bench's backend on the database; Liquibase may backfill summaries over the generated rows
# first, so it may take long to get ready (the time is printed). Statements over ANALYTICS_LOG_MS land in the
# PostgreSQL log with their parameters, for EXPLAIN.
analytics_backend() {
  local started=$SECONDS
  pg_admin -d postgres -c "ALTER DATABASE $ANALYTICS_DB SET log_min_duration_statement = ${ANALYTICS_LOG_MS:-500}"
  MEIKE_BACKEND_READY_SECONDS=${MEIKE_BACKEND_READY_SECONDS:-3600} \
    backend_start bench-analytics-backend "$ANALYTICS_PORT" "$ANALYTICS_DB" "$BENCH_KC_PORT" main
  echo "  backend ready (migrations included) in $((SECONDS - started)) s"
}

bench_analytics() {
  local started=$SECONDS generated=0
  if [ "$ANALYTICS_REUSE" = 1 ] && analytics_generated; then
    echo "Reusing the generated database $ANALYTICS_DB"
    analytics_backend
  else
    db_create "$ANALYTICS_DB" fresh
    analytics_backend
    generated=1
    echo "Generating the analytics chains in $ANALYTICS_DB ..."
    analytics_generate "$BENCH_TENANT_A" a bench-a '美丽之约 (bench)' "$ANALYTICS_CUSTOMERS" "$ANALYTICS_ORDERS" \
      "$ANALYTICS_VISITS" "$ANALYTICS_CLINICS" 0.42
    analytics_generate "$BENCH_TENANT_B" b bench-b '悦颜 (bench)' $((ANALYTICS_CUSTOMERS / 100 + 200)) \
      $((ANALYTICS_ORDERS / 100 + 2000)) $((ANALYTICS_VISITS / 100 + 3000)) 3 0.17
    pg_admin -d "$ANALYTICS_DB" -c "VACUUM (ANALYZE)"
    echo "  generation and VACUUM ANALYZE: $((SECONDS - started)) s; database size" \
      "$(pg_admin -d "$ANALYTICS_DB" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  fi
  analytics_clinic_manager
  # A reused database was checked when it was generated.
  if ((generated)); then
    pg_as_admin psql -X -v ON_ERROR_STOP=1 -d "$ANALYTICS_DB" -f "$BENCH_LIB/analytics_counts.sql"
    analytics_summaries
  fi
  echo "Analytics endpoints, $ANALYTICS_CALLS sequential calls each after $ANALYTICS_WARMUP warm-up calls:"
  PYTHONDONTWRITEBYTECODE=1 python3 "$BENCH_LIB/analytics_bench.py" "http://localhost:$ANALYTICS_PORT" "$REPO/openapi.yaml" \
    "$(bench_token a.manager)" "$(bench_token "$ANALYTICS_CLINIC_MANAGER")" "$(bench_token b.manager)" \
    "$ANALYTICS_CALLS" "$ANALYTICS_WARMUP" "$(analytics_customers)" "$MEIKE_RUN/bench-analytics.json" "${ANALYTICS_ONLY:-}"
}

# analytics_customers: the ids the measurements use, as JSON: chain A's heaviest and a light customer (fewest
# orders, home clinic 1), its first clinic, and a customer of chain B (which chain A's managers must not see).
analytics_customers() {
  pg_admin -d "$ANALYTICS_DB" <<SQL
SELECT json_build_object(
  'heavy', (SELECT customer_id FROM sales_order WHERE tenant_id = '$BENCH_TENANT_A'
             GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1),
  'light', (SELECT o.customer_id FROM sales_order o JOIN customer c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
             WHERE o.tenant_id = '$BENCH_TENANT_A' AND c.home_clinic_id = '01900000-0000-7000-8000-0000000ac001'
             GROUP BY o.customer_id ORDER BY count(*), o.customer_id LIMIT 1),
  'clinic', '01900000-0000-7000-8000-0000000ac001',
  'otherChainCustomer', (SELECT id FROM customer WHERE tenant_id = '$BENCH_TENANT_B' ORDER BY id LIMIT 1));
SQL
}

# analytics_summaries: fills the analytics summaries of rows generated after the migrations (a reused database got
# them from the migrations' backfills): the member standards of every customer with a paid order, through
# member_standards_refresh, committed every 2,000 customers (each call holds an advisory lock to its commit).
analytics_summaries() {
  if [ -z "$(pg_admin -d "$ANALYTICS_DB" -c "SELECT 1 FROM pg_proc WHERE proname = 'member_standards_refresh'")" ]; then
    echo "No member standards summary on this branch to fill"
    return 0
  fi
  local started=$SECONDS
  pg_admin -d "$ANALYTICS_DB" <<'SQL'
DO $$
DECLARE
  c record;
  n integer := 0;
BEGIN
  FOR c IN SELECT tenant_id, id FROM customer WHERE first_purchase_at IS NOT NULL ORDER BY tenant_id, id LOOP
    PERFORM member_standards_refresh(c.tenant_id, c.id);
    n := n + 1;
    IF n % 2000 = 0 THEN
      COMMIT;
    END IF;
  END LOOP;
END
$$;
SQL
  pg_admin -d "$ANALYTICS_DB" -c "VACUUM (ANALYZE) member_standard_year, member_standard_curve"
  echo "  member standards of $(pg_admin -d "$ANALYTICS_DB" -c "SELECT count(DISTINCT (tenant_id, customer_id)) FROM member_standard_year") customers refreshed in $((SECONDS - started)) s"
}
