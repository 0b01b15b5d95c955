#!/usr/bin/env bash
# Keycloak without Docker: download the official distribution zip from Maven Central
# (org.keycloak:keycloak-quarkus-dist) and run it in dev mode, one instance per data dir.
#
# Source this file; it defines:
#   kc_install                       download + unpack the dist into the cache (idempotent)
#   kc_start PORT DATA_DIR LOG_FILE  start an instance in the background (no-op if already up)
#   kc_wait PORT [TIMEOUT_SECONDS]   wait until realm 'meike' answers on PORT
#   kc_stop DATA_DIR                 stop the instance started with DATA_DIR
#   kc_running PORT                  true if realm 'meike' answers on PORT
#
# Each instance gets its own copy of the server under DATA_DIR/server (the big jar directory
# is hard-linked from the cache), so its H2 database, import dir and build state are private.
# Ports: HTTP = PORT, management/health = PORT+1000 (override with KC_MANAGEMENT_PORT).
# The token issuer is always http://localhost:PORT/realms/meike.
# The master realm has a bootstrap admin admin/admin (override KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD).
#
# Environment: MEIKE_CACHE (default $REPO/.cache), KC_VERSION (default 26.7.3),
#              KC_JAVA_HOME (default: Temurin 25 if installed, else the default java).

# Not setting shell options here: the sourcing script decides (ours use set -euo pipefail).

KC_LIB_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_VERSION="${KC_VERSION:-26.7.3}"
KC_REALM="meike"
KC_REALM_FILE="${KC_REALM_FILE:-$KC_LIB_REPO/docker/keycloak/meike-realm.json}"
KC_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

kc__log() { echo "[keycloak] $*" >&2; }

kc_cache_dir() { echo "${MEIKE_CACHE:-$KC_LIB_REPO/.cache}/keycloak"; }
kc_dist_dir() { echo "$(kc_cache_dir)/keycloak-$KC_VERSION"; }

kc_java_home() {
  if [[ -n "${KC_JAVA_HOME:-}" ]]; then echo "$KC_JAVA_HOME"; return; fi
  local j25=/usr/lib/jvm/temurin-25-jdk-amd64
  if [[ -x "$j25/bin/java" ]]; then echo "$j25"; return; fi
  echo "${JAVA_HOME:-}"
}

kc_install() {
  local cache dist zip
  cache="$(kc_cache_dir)"
  dist="$(kc_dist_dir)"
  if [[ -x "$dist/bin/kc.sh" && -f "$dist/.meike-unpacked" ]]; then
    return 0
  fi
  mkdir -p "$cache"
  zip="$cache/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [[ ! -s "$zip" ]]; then
    kc__log "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven ..."
    # Run outside any project (the copy goal needs no pom), so the repo's pom.xml is irrelevant.
    ( cd "$cache" && "$KC_LIB_REPO/mvnw" -q -B "$KC_DEP_PLUGIN:copy" \
        "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
        "-DoutputDirectory=$cache" -Dmdep.overWriteReleases=false ) \
      || { kc__log "ERROR: download failed"; return 1; }
    [[ -s "$zip" ]] || { kc__log "ERROR: $zip missing after download"; return 1; }
  fi
  kc__log "unpacking $zip ..."
  rm -rf "$dist" "$cache/.unpack.tmp"
  mkdir -p "$cache/.unpack.tmp"
  unzip -q "$zip" -d "$cache/.unpack.tmp" || { kc__log "ERROR: unzip failed"; return 1; }
  mv "$cache/.unpack.tmp/keycloak-$KC_VERSION" "$dist"
  rmdir "$cache/.unpack.tmp"
  touch "$dist/.meike-unpacked"
  kc__log "installed Keycloak $KC_VERSION in $dist"
}

# True if the meike realm answers on PORT.
kc_running() {
  local port="$1"
  curl -fsS -o /dev/null --max-time 2 \
    "http://localhost:$port/realms/$KC_REALM/.well-known/openid-configuration" 2>/dev/null
}

kc__pid_alive() {
  local pidfile="$1/keycloak.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

kc__port_in_use() {
  local port="$1"
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# start-dev re-augments a fresh distribution (Quarkus build, ~20-45 s) on its first start. Once
# an instance has done that, its lib/quarkus is saved to the cache and reused by new instances
# (only when that instance is not running, so the files are complete).
kc__dev_build_dir() { echo "$(kc_cache_dir)/dev-build-$KC_VERSION"; }

kc__save_dev_build() {
  local server="$1/server" target
  target="$(kc__dev_build_dir)"
  [[ -d "$target" ]] && return 0
  [[ -f "$server/lib/quarkus/generated-bytecode.jar" ]] || return 0
  unzip -p "$server/lib/quarkus/generated-bytecode.jar" META-INF/keycloak-persisted.properties 2>/dev/null \
    | grep -qx 'kc.profile=dev' || return 0
  rm -rf "$target.tmp"
  cp -a "$server/lib/quarkus" "$target.tmp" && mv "$target.tmp" "$target" \
    && kc__log "saved the dev-mode build to $target (new instances start faster)"
}

# Private server copy for one instance: lib/lib (the 170 MB of jars, never written) is
# hard-linked when possible; bin, conf, lib/quarkus (rewritten by re-augmentation), themes,
# providers are real copies.
kc__prepare_server() {
  local data_dir="$1" dist server
  dist="$(kc_dist_dir)"
  server="$data_dir/server"
  if [[ -f "$server/.meike-version" && "$(cat "$server/.meike-version")" == "$KC_VERSION" ]]; then
    return 0
  fi
  kc__log "creating server copy in $server"
  rm -rf "$server"
  mkdir -p "$server/lib"
  local entry
  for entry in "$dist"/* ; do
    [[ "$(basename "$entry")" == lib ]] && continue
    cp -a "$entry" "$server/"
  done
  for entry in "$dist"/lib/* ; do
    case "$(basename "$entry")" in
      lib) cp -al "$entry" "$server/lib/" 2>/dev/null || cp -a "$entry" "$server/lib/" ;;
      quarkus)
        if [[ -d "$(kc__dev_build_dir)" ]]; then cp -a "$(kc__dev_build_dir)" "$server/lib/quarkus"
        else cp -a "$entry" "$server/lib/"; fi ;;
      *) cp -a "$entry" "$server/lib/" ;;
    esac
  done
  echo "$KC_VERSION" > "$server/.meike-version"
}

kc_start() {
  if [[ $# -ne 3 ]]; then kc__log "usage: kc_start PORT DATA_DIR LOG_FILE"; return 2; fi
  local port="$1" data_dir="$2" log_file="$3"
  local mgmt_port="${KC_MANAGEMENT_PORT:-$((port + 1000))}"
  mkdir -p "$data_dir" "$(dirname "$log_file")"
  data_dir="$(cd "$data_dir" && pwd)"

  if kc_running "$port"; then
    kc__log "already running on port $port"
    return 0
  fi
  if kc__pid_alive "$data_dir"; then
    kc__log "already starting (pid $(cat "$data_dir/keycloak.pid")); use kc_wait $port"
    return 0
  fi
  if kc__port_in_use "$port"; then
    kc__log "ERROR: port $port is in use by something that is not a Keycloak with realm '$KC_REALM'"
    return 1
  fi
  if kc__port_in_use "$mgmt_port"; then
    kc__log "ERROR: management port $mgmt_port is in use (set KC_MANAGEMENT_PORT)"
    return 1
  fi

  kc_install
  kc__save_dev_build "$data_dir"
  kc__prepare_server "$data_dir"
  local server="$data_dir/server"
  mkdir -p "$server/data/import"
  if [[ ! -f "$KC_REALM_FILE" ]]; then kc__log "ERROR: realm file $KC_REALM_FILE not found"; return 1; fi
  # --import-realm never overwrites an existing realm: warn when the JSON changed since import.
  if [[ -d "$server/data/h2" && -f "$server/data/import/meike-realm.json" ]] \
     && ! cmp -s "$KC_REALM_FILE" "$server/data/import/meike-realm.json"; then
    kc__log "WARNING: $KC_REALM_FILE changed since this instance imported it;"
    kc__log "         the old realm stays until you delete $data_dir (dev instance: bin/keycloak reset)"
  fi
  cp "$KC_REALM_FILE" "$server/data/import/meike-realm.json"

  local java_home
  java_home="$(kc_java_home)"
  kc__log "starting Keycloak $KC_VERSION on http://localhost:$port (management $mgmt_port, java ${java_home:-default}), log $log_file"
  : > "$log_file"
  # setsid: own session, so Ctrl-C in the caller's terminal or a test runner's process-group
  # kill does not take Keycloak down. The wrapper writes its own pid, then execs kc.sh
  # (kc.sh forwards TERM to the JVM).
  (
    if [[ -n "$java_home" ]]; then export JAVA_HOME="$java_home"; fi
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$data_dir/keycloak.pid" \
      "$server/bin/kc.sh" start-dev \
        --http-port="$port" \
        --http-management-port="$mgmt_port" \
        --hostname="http://localhost:$port" \
        --health-enabled=true \
        --import-realm \
        </dev/null >>"$log_file" 2>&1
  ) &
  # Wait briefly for the pid file so kc_stop works right after kc_start.
  local i
  for i in $(seq 1 50); do
    [[ -s "$data_dir/keycloak.pid" ]] && break
    sleep 0.1
  done
  echo "$port" > "$data_dir/keycloak.port"
  # So kc_wait PORT can show the right log on timeout.
  mkdir -p "$(kc_cache_dir)/logs-by-port"
  (cd "$(dirname "$log_file")" && echo "$(pwd)/$(basename "$log_file")") > "$(kc_cache_dir)/logs-by-port/$port"
  return 0
}

kc_wait() {
  local port="$1" timeout="${2:-180}" start=$SECONDS
  while ! kc_running "$port"; do
    if (( SECONDS - start >= timeout )); then
      kc__log "ERROR: Keycloak did not answer on port $port within ${timeout}s"
      local lf
      lf="$(cat "$(kc_cache_dir)/logs-by-port/$port" 2>/dev/null || true)"
      if [[ -n "$lf" && -f "$lf" ]]; then
        kc__log "last lines of $lf:"
        tail -n 40 "$lf" >&2 || true
      fi
      return 1
    fi
    sleep 1
  done
  kc__log "ready on port $port after $((SECONDS - start))s of waiting"
}

kc_stop() {
  if [[ $# -ne 1 ]]; then kc__log "usage: kc_stop DATA_DIR"; return 2; fi
  local data_dir="$1" pidfile="$1/keycloak.pid" pid i
  if [[ ! -f "$pidfile" ]]; then kc__log "not running (no $pidfile)"; return 0; fi
  pid="$(cat "$pidfile")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    kc__log "not running (stale pid file)"; rm -f "$pidfile"; return 0
  fi
  kc__log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    kc__log "still alive after 30s, killing its process group"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  kc__log "stopped"
  kc__save_dev_build "$data_dir" || true
}
