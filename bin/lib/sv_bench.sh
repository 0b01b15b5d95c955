# bin/bench's stored-value section (sourced after bench.sh): raw debits and orders paid by stored value over HTTP
# (sv_bench.py), pgbench running the equivalent SQL (sv_pgbench.sql) on the same machine right after, the ratios,
# then the SQL check that nothing was lost or written twice (sv_verify.sql). Returns non-zero when a check fails.

SV_PGBENCH_START=100000000000

# How many pgbench clients the shared server has room for (its max_connections are everyone's): the clients
# wanted once that many are free with some to spare, waiting up to two minutes, else what is free.
sv_pgbench_clients() {
  local wanted=$1 free
  for _ in $(seq 1 60); do
    free=$(pg_admin -d postgres -c "SELECT current_setting('max_connections')::int
      - current_setting('superuser_reserved_connections')::int - count(*) - 10 FROM pg_stat_activity")
    ((free >= wanted)) && { echo "$wanted"; return; }
    sleep 2
  done
  if ((free < 4)); then
    echo "ERROR: only $free connections free on the server, no room for pgbench" >&2
    return 1
  fi
  echo "WARNING: only $free connections free, pgbench runs with $free clients instead of $wanted" >&2
  echo "$free"
}

# sv_pgbench DIR: the pgbench run; prints its summary line and leaves its transactions per second in DIR/tps.
sv_pgbench() {
  local dir=$1 clients log=$1/pgbench
  pg_admin -d "$BENCH_DB" <<SQL
DROP SCHEMA IF EXISTS pgbench_sv CASCADE;
CREATE SCHEMA pgbench_sv;
CREATE TABLE pgbench_sv.account (id integer PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0),
                                 updated_at timestamptz NOT NULL);
CREATE TABLE pgbench_sv.entry (id uuid PRIMARY KEY, account_id integer NOT NULL REFERENCES pgbench_sv.account,
                               amount bigint NOT NULL, balance_after bigint NOT NULL CHECK (balance_after >= 0),
                               occurred_at timestamptz NOT NULL);
CREATE INDEX ON pgbench_sv.entry (account_id, occurred_at);
INSERT INTO pgbench_sv.account SELECT g, $SV_PGBENCH_START, now() FROM generate_series(1, $SV_ACCOUNTS) g;
ANALYZE pgbench_sv.account;
SQL
  clients=$(sv_pgbench_clients "$SV_CLIENTS")
  mkdir -p "$log"
  chmod a+rwx "$log"
  local args=(-n -c "$clients" -j "$(nproc)" -f "$BENCH_LIB/sv_pgbench.sql" -D accounts="$SV_ACCOUNTS"
    -D hot="$SV_HOT_ACCOUNTS" -D hotshare="$SV_HOT_SHARE")
  echo "pgbench: $clients clients, the same accounts and hot share; ${SV_WARMUP} s warm-up, ${SV_DURATION} s measured"
  pg_as_admin pgbench "${args[@]}" -T "$SV_WARMUP" "$BENCH_DB" >/dev/null 2>&1
  pg_as_admin pgbench "${args[@]}" -T "$SV_DURATION" -l --log-prefix="$log/tx" "$BENCH_DB" >"$dir/pgbench.out" 2>&1 \
    || { cat "$dir/pgbench.out"; return 1; }
  local failed
  failed=$(awk '/number of failed transactions/ { print $5 }' "$dir/pgbench.out")
  cat "$log"/tx.* | awk '$3 ~ /^[0-9]+$/ { print $3 }' \
    | bench_stats "pgbench debit + entry" us "$SV_DURATION" "$clients" "failed=${failed:-0}"
  awk '/^tps = / { print $3 }' "$dir/pgbench.out" >"$dir/tps"
  echo "  (pgbench itself: $(grep '^tps = ' "$dir/pgbench.out"))"
}

# sv_pgbench_debit_function DIR: pgbench calling stored_value_debit itself as the app role, one statement that sets
# its tenant as the backend sends it, on the accounts and hot share of the HTTP run (after the checks: its entries
# are no client's). The ceiling of the debit the backend runs, with no HTTP, Java or pool in the way; leaves its
# transactions per second in DIR/function-tps.
sv_pgbench_debit_function() {
  local dir=$1 clinic hot cold clients script=$1/debit-function.sql
  { read -r clinic; read -r hot; read -r cold; } <"$dir/accounts"
  cat >"$script" <<SQL
\\set pick random(1, 100)
\\set hot random(1, $(tr ',' '\n' <<<"$hot" | wc -l))
\\set cold random(1, $(tr ',' '\n' <<<"$cold" | wc -l))
\\set amount random(100, 500)
WITH tenant AS MATERIALIZED (SELECT set_config('app.tenant_id', '$BENCH_TENANT_A', true))
SELECT stored_value_debit(CASE WHEN :pick <= $SV_HOT_SHARE THEN ('{$hot}'::uuid[])[:hot]
                               ELSE ('{$cold}'::uuid[])[:cold] END, NULL, :amount, '$clinic', true, now(), 'CNY',
                          NULL, NULL, NULL, NULL, 'pgbench', 'pgbench', 'pgbench', gen_random_uuid()::text,
                          'stored-value.debit:pgbench', 'pgbench') IS NOT NULL FROM tenant;
SQL
  clients=$(sv_pgbench_clients "$SV_CLIENTS")
  local args=(-n -h "$MEIKE_PG_HOST" -p "$MEIKE_PG_PORT" -U "${MEIKE_DB_APP_USER:-meike_app}" -c "$clients"
    -j "$(nproc)" -f "$script")
  echo "pgbench calling stored_value_debit as the app role: $clients clients; ${SV_WARMUP} s warm-up, ${SV_DURATION} s measured"
  export PGPASSWORD=${MEIKE_DB_APP_PASSWORD:-meike_app}
  pgbench "${args[@]}" -T "$SV_WARMUP" "$BENCH_DB" >/dev/null 2>&1
  pgbench "${args[@]}" -T "$SV_DURATION" "$BENCH_DB" >"$dir/function.out" 2>&1 || { cat "$dir/function.out"; return 1; }
  unset PGPASSWORD
  awk '/^tps = / { print $3 }' "$dir/function.out" >"$dir/function-tps"
  echo "  (pgbench itself: $(grep '^tps = ' "$dir/function.out"), $(grep 'latency average' "$dir/function.out"),"\
    "$(grep 'number of failed' "$dir/function.out"))"
}

bench_stored_value() {
  local dir="$MEIKE_RUN/stored-value" raw order replays tps
  rm -rf "$dir"
  mkdir -p "$dir"
  bench_customers_at_least $((2 * SV_ACCOUNTS))
  echo "Stored value in demo chain A as a.frontdesk:"
  bench_python sv_bench.py "$(bench_token a.frontdesk)" "$dir"
  sv_pgbench "$dir"
  read -r raw order replays <"$dir/rates"
  tps=$(cat "$dir/tps")
  awk -v raw="$raw" -v order="$order" -v tps="$tps" 'BEGIN {
    printf "raw debits / pgbench %.3f    order tenders / pgbench %.3f    (%.1f, %.1f and %.1f per second)\n",
      raw / tps, order / tps, raw, order, tps }'
  echo "Checking the ledger ..."
  local checks
  checks=$(pg_admin -d "$BENCH_DB" -v tenant="$BENCH_TENANT_A" -v keys="$dir/debit-keys.tsv" \
    -v orders="$dir/orders.tsv" -v replays_otherwise="$replays" -v pgbench_start="$SV_PGBENCH_START" \
    -f "$BENCH_LIB/sv_verify.sql")
  echo "$checks"
  sv_pgbench_debit_function "$dir"
  awk -v fn="$(cat "$dir/function-tps")" -v raw="$raw" -v tps="$tps" 'BEGIN {
    printf "stored_value_debit alone / pgbench %.3f    raw debits over HTTP / stored_value_debit alone %.3f\n",
      fn / tps, raw / fn }'
  ! grep -q '^FAIL' <<<"$checks"
}
