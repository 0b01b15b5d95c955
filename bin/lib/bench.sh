# What bin/bench's sections share. Sourced by bin/bench after db.sh, keycloak.sh and stack.sh; uses BENCH_DB,
# BENCH_PORT and BENCH_KC_PORT.

BENCH_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_TENANT_A=01900000-0000-7000-8000-00000000000a
BENCH_CUSTOMERS=0

# bench_token USER: a real access token of a demo user (password grant of the dev/test CLI client).
bench_token() {
  curl -fsS "http://localhost:$BENCH_KC_PORT/realms/meike/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=meike-dev-cli -d username="$1" -d password=meike-demo | jq -r .access_token
}

# bench_stats LABEL [UNIT [SECONDS CLIENTS [ERROR=COUNT]]]: the summary line of latencies read one a line (UNIT s
# or us), with the rate over SECONDS.
bench_stats() { python3 "$BENCH_LIB/bench_http.py" stats "$@"; }

# bench_python SCRIPT ARGS: one of the Python benchmarks against the bench backend.
bench_python() {
  local script=$1
  shift
  PYTHONDONTWRITEBYTECODE=1 python3 "$BENCH_LIB/$script" "http://localhost:$BENCH_PORT" "$@"
}

# bench_customers_at_least N: generated customers in demo chain A (names from common surnames and given
# names, with their pinyin; phones, birthdays, visits spread out), so that this run has made at least N.
bench_customers_at_least() {
  local wanted=$1
  ((wanted > BENCH_CUSTOMERS)) || return 0
  echo "Generating customers $((BENCH_CUSTOMERS + 1)) to $wanted in demo chain A ..."
  pg_admin -d "$BENCH_DB" <<SQL
BEGIN;
SET LOCAL app.tenant_id = '$BENCH_TENANT_A';
WITH surname(c, p, i) AS (SELECT * FROM unnest(
       array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭'],
       array['zhang','wang','li','zhao','liu','chen','yang','huang','zhou','wu','xu','sun','ma','zhu','hu','guo'])
       WITH ORDINALITY AS t(c, p, i)),
     given(c, p, i) AS (SELECT * FROM unnest(
       array['丽','娜','静','敏','婷','雪','芳','燕','琳','欣','悦','晨','佳','怡','萍','颖','洁','慧','倩','雯'],
       array['li','na','jing','min','ting','xue','fang','yan','lin','xin','yue','chen','jia','yi','ping','ying','jie','hui','qian','wen'])
       WITH ORDINALITY AS t(c, p, i)),
     n AS (SELECT g, 1 + g % 16 AS s, 1 + (g / 16) % 20 AS a, 1 + (g / 320) % 20 AS b
           FROM generate_series($((BENCH_CUSTOMERS + 1)), $wanted) g)
INSERT INTO customer (tenant_id, id, name, name_key, name_initials, name_pinyin, phone, birth_date, source, tags,
                      marketing_consent, first_visit_at, first_purchase_at, last_visit_at, created_at, updated_at,
                      version)
SELECT '$BENCH_TENANT_A', gen_random_uuid(), s.c || a.c || b.c,
       s.c || a.c || b.c, left(s.p, 1) || left(a.p, 1) || left(b.p, 1), s.p || a.p || b.p,
       '13' || lpad((n.g * 7919 % 1000000000)::text, 9, '0'), date '1960-01-01' + (n.g * 37 % 15000), 'WALK_IN',
       CASE WHEN n.g % 10 = 0 THEN '{VIP}'::text[] ELSE '{}'::text[] END, n.g % 3 = 0,
       CASE WHEN n.g % 4 <> 0 THEN now() - (n.g % 400) * interval '1 day' END,
       CASE WHEN n.g % 4 > 1 THEN now() - (n.g % 500) * interval '1 day' END,
       CASE WHEN n.g % 4 <> 0 THEN now() - (n.g % 300) * interval '1 day' END,
       now(), now(), 0
FROM n JOIN surname s ON s.i = n.s JOIN given a ON a.i = n.a JOIN given b ON b.i = n.b;
COMMIT;
ANALYZE customer;
SQL
  BENCH_CUSTOMERS=$wanted
}
