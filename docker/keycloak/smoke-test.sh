#!/usr/bin/env bash
# Smoke test of a running Keycloak with the meike realm (default http://localhost:8180).
# Checks the claims the backend relies on and the backend admin's provisioning rights.
#   docker/keycloak/smoke-test.sh [PORT]
set -euo pipefail
PORT="${1:-8180}"
KC="http://localhost:$PORT"
ISS="$KC/realms/meike"
TOKEN_URL="$ISS/protocol/openid-connect/token"
TA=01900000-0000-7000-8000-00000000000a
fail() { echo "FAIL: $*" >&2; exit 1; }
claims() { python3 -c 'import sys,json,base64; p=sys.argv[1].split(".")[1]; p+="="*(-len(p)%4); print(json.dumps(json.loads(base64.urlsafe_b64decode(p)),ensure_ascii=False))' "$1"; }
token() { curl -sf "$TOKEN_URL" "$@" | jq -r .access_token; }
check() { # check NAME JSON JQ-EXPR
  jq -e "$3" <<<"$2" >/dev/null || fail "$1: $3 not satisfied by $2"
  echo "ok  $1: $3"
}

[[ "$(curl -sf "$ISS/.well-known/openid-configuration" | jq -r .jwks_uri)" == "$ISS/protocol/openid-connect/certs" ]] \
  || fail "jwks_uri"
curl -sf "$ISS/protocol/openid-connect/certs" | jq -e '[.keys[]|select(.use=="sig" and .alg=="RS256")]|length>0' >/dev/null \
  || fail "no RS256 signing key"
echo "ok  jwks: $ISS/protocol/openid-connect/certs"

C=$(claims "$(token -d grant_type=password -d client_id=meike-dev-cli -d username=a.admin -d password=meike-demo)")
check a.admin "$C" ".iss==\"$ISS\" and .sub==\"01900000-0000-7000-8000-0000000a0001\" and (.groups|index(\"tenant-admin\")) and .tenant_id==\"$TA\" and (has(\"clinic_ids\")|not) and (.aud|index(\"meike-api\")) and .upn==\"a.admin\""
C=$(claims "$(token -d grant_type=password -d client_id=meike-dev-cli -d username=b.clinician -d password=meike-demo)")
check b.clinician "$C" '.sub=="01900000-0000-7000-8000-0000000b0005" and (.groups|index("clinician")) and .tenant_id=="01900000-0000-7000-8000-00000000000b" and .clinic_ids==["01900000-0000-7000-8000-0000000bc001"]'
C=$(claims "$(token -d grant_type=password -d client_id=meike-dev-cli -d username=platform -d password=meike-demo)")
check platform "$C" '.sub=="01900000-0000-7000-8000-0000000000f0" and (.groups|index("platform-admin")) and (has("tenant_id")|not)'
C=$(claims "$(token -d grant_type=client_credentials -d client_id=demo-a-integrator -d client_secret=demo-a-integrator-secret)")
check demo-a-integrator "$C" ".iss==\"$ISS\" and .sub==\"01900000-0000-7000-8000-0000000a9001\" and (.groups|index(\"integrator\")) and .tenant_id==\"$TA\" and (.aud|index(\"meike-api\")) and .azp==\"demo-a-integrator\""

# Backend admin: create a user with tenant_id, assign consultant, disable, delete.
AT=$(token -d grant_type=client_credentials -d client_id=meike-backend-admin -d client_secret=meike-backend-admin-dev-secret)
API="$KC/admin/realms/meike"
H=(-H "Authorization: Bearer $AT" -H "Content-Type: application/json")
NAME="smoke.$RANDOM$RANDOM"
code=$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" -X POST "$API/users" \
  -d "{\"username\":\"$NAME\",\"email\":\"$NAME@demo.meike.local\",\"firstName\":\"Smoke\",\"lastName\":\"Test\",\"enabled\":true,\"attributes\":{\"tenant_id\":[\"$TA\"]}}")
[[ "$code" == 201 ]] || fail "create user: HTTP $code"
ID=$(curl -sf "${H[@]}" "$API/users?username=$NAME&exact=true" | jq -r '.[0].id')
check "created user keeps tenant_id" "$(curl -sf "${H[@]}" "$API/users/$ID")" ".attributes.tenant_id==[\"$TA\"]"
curl -sf "${H[@]}" -X POST "$API/users/$ID/role-mappings/realm" -d "[$(curl -sf "${H[@]}" "$API/roles/consultant")]" \
  || fail "assign consultant"
check "role assigned" "$(curl -sf "${H[@]}" "$API/users/$ID/role-mappings/realm")" '[.[].name]|index("consultant")'
curl -sf "${H[@]}" -X PUT "$API/users/$ID" -d '{"enabled":false}' || fail "disable"
check "disabled" "$(curl -sf "${H[@]}" "$API/users/$ID")" ".enabled==false and .attributes.tenant_id==[\"$TA\"]"
curl -sf "${H[@]}" -X DELETE "$API/users/$ID" || fail "delete"
[[ "$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" "$API/users/$ID")" == 404 ]] || fail "user still there"
echo "ok  backend admin: create (tenant_id) / assign consultant / disable / delete"
echo "ALL OK ($KC)"
