#!/usr/bin/env python3
"""Order payment under load: drafts N orders for N different customers, then pays them from C concurrent
clients (each payment with its own Idempotency-Key), and prints throughput and latency percentiles.
   order_bench.py BASE_URL TOKEN [ORDERS] [CLIENTS]"""
import json
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

BASE, TOKEN = sys.argv[1], sys.argv[2]
ORDERS = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
CLIENTS = int(sys.argv[4]) if len(sys.argv) > 4 else 32


def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={
        "Authorization": "Bearer " + TOKEN, "Content-Type": "application/json", "Accept": "application/json",
        **(headers or {})})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.loads(response.read() or b"null")
    return answer, time.perf_counter() - started


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000


def report(label, latencies, wall):
    print(f"{label:<28} {len(latencies) / wall:7.1f} /s   p50 {percentile(latencies, .5):6.1f} ms   "
          f"p95 {percentile(latencies, .95):6.1f} ms   p99 {percentile(latencies, .99):6.1f} ms   "
          f"max {max(latencies) * 1000:6.1f} ms   ({len(latencies)} requests, {CLIENTS} clients)")


me, _ = call("GET", "/api/v1/me")
clinics = me.get("clinicIds") or [c["id"] for c in call("GET", "/api/v1/clinics?limit=50")[0]["items"]]
clinic = clinics[0]
items = [i["id"] for i in call("GET", "/api/v1/catalog/items?active=true&limit=50&clinicId=" + clinic)[0]["items"]][:3]
customers, cursor = [], None
while len(customers) < ORDERS:
    page, _ = call("GET", "/api/v1/customers?limit=200" + (f"&cursor={cursor}" if cursor else ""))
    customers += [c["id"] for c in page["items"]]
    cursor = page["nextCursor"]
    if not cursor:
        break
customers = customers[:ORDERS]


def draft(customer):
    lines = [{"itemId": item, "quantity": 1} for item in items]
    return call("POST", "/api/v1/orders", {"customerId": customer, "clinicId": clinic, "lines": lines})


def pay(order):
    total = order["total"]["amount"]
    tenders = [{"method": "WECHAT_PAY", "amount": {"amount": total - total // 3, "currency": "CNY"}},
               {"method": "CASH", "amount": {"amount": total // 3, "currency": "CNY"}}]
    return call("POST", f"/api/v1/orders/{order['id']}/pay", {"tenders": tenders},
                {"Idempotency-Key": str(uuid.uuid4())})


with ThreadPoolExecutor(CLIENTS) as pool:
    started = time.perf_counter()
    drafted = list(pool.map(draft, customers))
    report("draft an order (3 lines)", [t for _, t in drafted], time.perf_counter() - started)
    started = time.perf_counter()
    paid = list(pool.map(pay, [o for o, _ in drafted]))
    report("pay an order (2 tenders)", [t for _, t in paid], time.perf_counter() - started)
bad = [o["id"] for o, _ in paid if o["status"] != "PAID"]
if bad:
    sys.exit(f"{len(bad)} orders were not paid")
