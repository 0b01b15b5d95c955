# PostgreSQL for MeiKe: start the local cluster if needed, create the two roles and the databases.
# Sourced by bin/start and bin/test. The schema owner runs migrations; the app role owns nothing, so
# row-level security applies to it.

MEIKE_PG_HOST=${MEIKE_PG_HOST:-127.0.0.1}
MEIKE_PG_PORT=${MEIKE_PG_PORT:-5432}

# pg_as_admin TOOL ARGS: a PostgreSQL client (psql, pgbench) as the superuser.
pg_as_admin() {
  local tool=$1
  shift
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- "$tool" -p "$MEIKE_PG_PORT" "$@"
  else
    "$tool" -h "$MEIKE_PG_HOST" -p "$MEIKE_PG_PORT" -U postgres "$@"
  fi
}

pg_admin() { pg_as_admin psql -v ON_ERROR_STOP=1 -qAt "$@"; }

db_start() {
  if pg_isready -q -h "$MEIKE_PG_HOST" -p "$MEIKE_PG_PORT"; then
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "PostgreSQL is not running on $MEIKE_PG_HOST:$MEIKE_PG_PORT and pg_ctlcluster is missing." >&2
    echo "Install it: apt-get install -y postgresql" >&2
    return 1
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  echo "Starting PostgreSQL $version ..."
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h "$MEIKE_PG_HOST" -p "$MEIKE_PG_PORT" && return 0
    sleep 1
  done
  echo "PostgreSQL did not become ready" >&2
  return 1
}

db_roles() {
  pg_admin -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'meike_owner') THEN
    CREATE ROLE meike_owner LOGIN PASSWORD 'meike_owner';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'meike_app') THEN
    CREATE ROLE meike_app LOGIN PASSWORD 'meike_app' NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
SQL
}

# db_create NAME [fresh]: creates the database owned by meike_owner; "fresh" drops it first.
db_create() {
  local name=$1 fresh=${2:-}
  if [ "$fresh" = fresh ]; then
    pg_admin -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
  fi
  if [ -z "$(pg_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    pg_admin -d postgres -c "CREATE DATABASE $name OWNER meike_owner ENCODING 'UTF8' TEMPLATE template0"
  fi
}

db_ensure() {
  db_start
  db_roles
  db_create "$@"
}
