# Starting and stopping the backend and the SPA as background processes with pid files.
# Sourced by bin/start, bin/stop and bin/test (after bin/lib/db.sh and bin/lib/keycloak.sh).

MEIKE_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MEIKE_RUN="${MEIKE_RUN:-$MEIKE_REPO/.run}"

stack__log() { echo "[meike] $*" >&2; }

# wait_http URL TIMEOUT_SECONDS NAME LOG: waits for a 2xx/3xx answer, shows the log tail on failure.
wait_http() {
  local url=$1 timeout=$2 name=$3 log=${4:-}
  local deadline=$((SECONDS + timeout))
  until curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      stack__log "ERROR: $name did not answer at $url within ${timeout}s"
      [ -n "$log" ] && [ -f "$log" ] && tail -n 60 "$log" >&2
      return 1
    fi
    sleep 1
  done
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid PIDFILE: stops the process group started for that pid file.
stop_pid() {
  local pidfile=$1 pid
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  pid=$(cat "$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# The backend's runnable jar, built when missing or older than the sources.
backend_build() {
  local jar="$MEIKE_REPO/backend/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$MEIKE_REPO/backend/src/main" "$MEIKE_REPO/backend/pom.xml" \
      "$MEIKE_REPO/openapi.yaml" -newer "$jar" -print -quit)" ]; then
    stack__log "building the backend ..."
    (cd "$MEIKE_REPO" && ./mvnw -q -B -f backend package -DskipTests)
  fi
}

# backend_start NAME PORT DB KEYCLOAK_PORT LIQUIBASE_CONTEXTS: ready within MEIKE_BACKEND_READY_SECONDS (120; longer
# where Liquibase backfills a big database at start).
backend_start() {
  local name=$1 port=$2 db=$3 kc_port=$4 contexts=$5
  local pidfile="$MEIKE_RUN/$name.pid" log="$MEIKE_RUN/$name.log"
  mkdir -p "$MEIKE_RUN"
  if pid_alive "$pidfile"; then
    stack__log "$name already running (pid $(cat "$pidfile"))"
    return 0
  fi
  stack__log "starting $name on port $port (database $db, Keycloak on $kc_port) ..."
  MEIKE_HTTP_PORT=$port \
  MEIKE_DB_URL="jdbc:postgresql://${MEIKE_PG_HOST:-127.0.0.1}:${MEIKE_PG_PORT:-5432}/$db" \
  MEIKE_OIDC_URL="http://localhost:$kc_port/realms/meike" \
  MEIKE_KEYCLOAK_URL="http://localhost:$kc_port" \
  MEIKE_LIQUIBASE_CONTEXTS="$contexts" \
    setsid java -jar "$MEIKE_REPO/backend/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  echo $! >"$pidfile"
  wait_http "http://localhost:$port/q/health/ready" "${MEIKE_BACKEND_READY_SECONDS:-120}" "$name" "$log"
}

frontend_install() {
  if [ ! -d "$MEIKE_REPO/frontend/node_modules" ] || \
     [ "$MEIKE_REPO/frontend/package-lock.json" -nt "$MEIKE_REPO/frontend/node_modules/.package-lock.json" ]; then
    stack__log "installing frontend packages ..."
    (cd "$MEIKE_REPO/frontend" && npm ci --no-audit --no-fund)
  fi
}

# spa_start NAME MODE(dev|preview) PORT BACKEND_PORT KEYCLOAK_PORT
spa_start() {
  local name=$1 mode=$2 port=$3 backend_port=$4 kc_port=$5
  local pidfile="$MEIKE_RUN/$name.pid" log="$MEIKE_RUN/$name.log"
  mkdir -p "$MEIKE_RUN"
  if pid_alive "$pidfile"; then
    stack__log "$name already running (pid $(cat "$pidfile"))"
    return 0
  fi
  stack__log "starting $name ($mode) on port $port ..."
  (
    cd "$MEIKE_REPO/frontend"
    export MEIKE_SPA_PORT=$port MEIKE_BACKEND_URL="http://localhost:$backend_port"
    export VITE_OIDC_AUTHORITY="http://localhost:$kc_port/realms/meike"
    if [ "$mode" = preview ]; then
      npx vite build --outDir "dist-$name" --emptyOutDir >"$log" 2>&1
      exec setsid npx vite preview --outDir "dist-$name" --port "$port" --strictPort >>"$log" 2>&1
    else
      exec setsid npx vite --port "$port" --strictPort >"$log" 2>&1
    fi
  ) &
  echo $! >"$pidfile"
  wait_http "http://localhost:$port/" 180 "$name" "$log"
}
