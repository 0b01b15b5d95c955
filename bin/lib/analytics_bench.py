"""bin/bench analytics, the measuring part: every GET operation under /api/v1/analytics in openapi.yaml (and each
preview POST, with its example body), called over HTTP with real tokens in the variants a manager uses it (periods
of the last 30 days, a quarter and a year; chain-wide as a.manager and one clinic as a manager limited to it; a heavy
and a light customer; each value of a path parameter that a listing next to it names), WARMUP unmeasured calls then
CALLS sequential ones each; one summary line per variant, SLOW when its p95 is over 1 s. A variant whose first answer is not 2xx is reported with that answer instead.
Chain B's manager asking for chain A's customers must get 404 (isolation). Writes the numbers as JSON to RESULTS.
  analytics_bench.py BASE OPENAPI MANAGER_TOKEN CLINIC_MANAGER_TOKEN OTHER_CHAIN_TOKEN CALLS WARMUP IDS_JSON RESULTS [ONLY]
ONLY: measure only the paths under /api/v1/analytics that start with it (e.g. /dashboard)."""
import datetime
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

from bench_http import percentile, report

SLOW_SECONDS = 1.0


def call(base, token, path, body=None):
    """(status, body, seconds) of a GET, or a POST of `body` (JSON) when given."""
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, headers=headers, method="GET" if body is None else "POST",
                                     data=None if body is None else json.dumps(body).encode())
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return status, body, time.perf_counter() - started


def parameters(spec, path_item, operation):
    def resolve(p):
        if "$ref" in p:
            node = spec
            for part in p["$ref"].lstrip("#/").split("/"):
                node = node[part]
            return node
        return p
    return [resolve(p) for p in path_item.get("parameters", []) + operation.get("parameters", [])]


def periods(schema):
    """The last 30 days, the last full quarter's length (91 days) and a year, ending today, as `from`/`to` values
    in the parameter's format (date or date-time; `to` exclusive when a date-time)."""
    today = datetime.date.today()
    for label, days in (("30d", 30), ("quarter", 91), ("year", 365)):
        start = today - datetime.timedelta(days=days)
        if schema.get("format") == "date-time":
            yield label, start.isoformat() + "T00:00:00+08:00", (today + datetime.timedelta(days=1)).isoformat() + "T00:00:00+08:00"
        else:
            yield label, start.isoformat(), today.isoformat()


def listed_values(base, token, spec, path, name):
    """Values of path parameter {name} from the listing at the path before it (items' key, code or id)."""
    listing = path.split("{" + name + "}")[0].rstrip("/")
    if listing not in spec["paths"] or "get" not in spec["paths"][listing]:
        return []
    status, body, _ = call(base, token, listing)
    if status != 200:
        return []
    answer = json.loads(body)
    items = answer.get("items", answer) if isinstance(answer, dict) else answer
    values = []
    for item in items if isinstance(items, list) else []:
        for field in ("key", "code", "id"):
            if isinstance(item, dict) and field in item:
                values.append(str(item[field]))
                break
    return values


def example(parameter):
    schema = parameter.get("schema", {})
    for source in (parameter, schema):
        if "example" in source:
            return str(source["example"])
    if schema.get("enum"):
        return str(schema["enum"][0])
    if "default" in schema:
        return str(schema["default"])
    return None


def variants(base, spec, path, path_item, operation, tokens, ids):
    """(label, token, url) for each way the benchmark calls the operation; or a reason it cannot."""
    params = parameters(spec, path_item, operation)
    by_name = {p["name"]: p for p in params}
    urls = [("", path)]
    for p in params:
        if p["in"] != "path":
            continue
        name = p["name"]
        if "customer" in name.lower():
            values = [("heavy", ids["heavy"]), ("light", ids["light"])]
        else:
            values = [(v, v) for v in listed_values(base, tokens["manager"], spec, path, name)]
            if not values and example(p):
                values = [(example(p), example(p))]
        if not values:
            return [], f"no value for path parameter {name}"
        urls = [((label + " " + value_label).strip(), url.replace("{" + name + "}", urllib.parse.quote(value, safe="")))
                for label, url in urls for value_label, value in values]
    query_sets = [("", {})]
    if "from" in by_name and "to" in by_name:
        query_sets = [(label, {"from": start, "to": end}) for label, start, end in periods(by_name["from"].get("schema", {}))]
    elif "from" in by_name or "to" in by_name:
        name = "from" if "from" in by_name else "to"
        query_sets = [(label, {name: start if name == "from" else end})
                      for label, start, end in periods(by_name[name].get("schema", {}))]
    for p in params:
        if p["in"] == "query" and p.get("required") and p["name"] not in ("from", "to", "clinicId"):
            value = example(p)
            if value is None:
                return [], f"no value for required query parameter {p['name']}"
            query_sets = [(label, {**q, p["name"]: value}) for label, q in query_sets]
    scopes = [("chain", tokens["manager"], {})]
    if "clinicId" in by_name:
        scopes.append(("clinic", tokens["clinic_manager"], {"clinicId": ids["clinic"]}))
    found = []
    for url_label, url in urls:
        for scope_label, token, scope_query in scopes:
            for query_label, query in query_sets:
                q = {**query, **scope_query}
                label = " ".join(x for x in (url_label, scope_label if len(scopes) > 1 else "", query_label) if x)
                found.append((label, token, url + ("?" + urllib.parse.urlencode(q) if q else "")))
    return found, None


def main():
    base, spec_path, manager, clinic_manager, other_chain, calls, warmup, ids, results_path = sys.argv[1:10]
    only = sys.argv[10] if len(sys.argv) > 10 else ""
    calls, warmup, ids = int(calls), int(warmup), json.loads(ids)
    tokens = {"manager": manager, "clinic_manager": clinic_manager}
    spec = yaml.safe_load(open(spec_path, encoding="utf-8"))
    results, isolation_failures = [], 0
    # The reads, and the previews (a POST of filters that only reads: the custom filter of a segment).
    operations = [(path, item, method, operation) for path, item in spec["paths"].items()
                  if path.startswith("/api/v1/analytics" + only) for method, operation in item.items()
                  if method == "get" or method == "post" and operation.get("operationId", "").startswith("preview")]
    if not operations:
        print("No analytics GET operations in openapi.yaml on this branch: nothing to measure")
    for path, item, method, operation in operations:
        body = None
        if method == "post":
            body = operation["requestBody"]["content"]["application/json"].get("example")
            if body is None:
                print(f"{path:<30} skipped: no example body to post")
                continue
        name = path.removeprefix("/api/v1/analytics") + (" POST" if body is not None else "")
        found, reason = variants(base, spec, path, item, operation, tokens, ids)
        if reason:
            print(f"{name:<30} skipped: {reason}")
            continue
        if "{" in path and any("customer" in p["name"].lower() for p in parameters(spec, item, operation)
                               if p["in"] == "path"):
            # Another chain's manager asking for this chain's customer learns nothing: 404.
            status, _, _ = call(base, other_chain, found[0][2])
            if status != 404:
                isolation_failures += 1
                print(f"{name:<30} ISOLATION FAIL: chain B's manager got {status} for chain A's customer")
        for label, token, url in found:
            full = f"{name} [{label}]" if label else name
            status, answer, _ = call(base, token, url, body)
            if not 200 <= status < 300:
                print(f"{full:<30} answered {status}: {answer[:300].decode(errors='replace')}")
                results.append({"endpoint": full, "url": url, "status": status})
                continue
            for _ in range(max(warmup - 1, 0)):
                call(base, token, url, body)
            latencies = []
            for _ in range(calls):
                status, _, seconds = call(base, token, url, body)
                if 200 <= status < 300:
                    latencies.append(seconds)
            slow = percentile(latencies, .95) > SLOW_SECONDS * 1000
            report(("SLOW " if slow else "") + full, latencies)
            results.append({"endpoint": full, "url": url, "status": 200, "p50": percentile(latencies, .5),
                            "p95": percentile(latencies, .95), "max": max(latencies) * 1000 if latencies else None,
                            "slow": slow})
    with open(results_path, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=1, ensure_ascii=False)
    slow = [r["endpoint"] for r in results if r.get("slow")]
    print(f"{len(results)} variants measured, {len(slow)} over 1 s at p95"
          + (": " + ", ".join(slow) if slow else "") + f"; isolation failures: {isolation_failures}")
    return 1 if isolation_failures else 0


if __name__ == "__main__":
    sys.exit(main())
