#!/usr/bin/env python3
"""Order payment under load: drafts N orders for N different customers, then pays them from C concurrent
clients (each payment with its own Idempotency-Key), and prints throughput and latency percentiles.
   order_bench.py BASE_URL TOKEN [ORDERS] [CLIENTS]"""
import json
import sys
import uuid

from bench_http import Api, Request, send_all

BASE, TOKEN = sys.argv[1], sys.argv[2]
ORDERS = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
CLIENTS = int(sys.argv[4]) if len(sys.argv) > 4 else 32

api = Api(BASE, TOKEN)
me, _ = api.call("GET", "/api/v1/me")
clinics = me.get("clinicIds") or [c["id"] for c in api.pages("/api/v1/clinics", 50)]
clinic = clinics[0]
items = [i["id"] for i in api.pages(f"/api/v1/catalog/items?active=true&clinicId={clinic}", 3)]
customers = [c["id"] for c in api.pages("/api/v1/customers", ORDERS)]
drafted, paid = [], []


def draft(customer):
    return Request("draft an order (3 lines)", "POST", "/api/v1/orders",
                   {"customerId": customer, "clinicId": clinic,
                    "lines": [{"itemId": item, "quantity": 1} for item in items]},
                   done=lambda status, body: status == 201 and drafted.append(json.loads(body)))


def pay(order):
    total = order["total"]["amount"]
    tenders = [{"method": "WECHAT_PAY", "amount": {"amount": total - total // 3, "currency": "CNY"}},
               {"method": "CASH", "amount": {"amount": total // 3, "currency": "CNY"}}]
    return Request("pay an order (2 tenders)", "POST", f"/api/v1/orders/{order['id']}/pay", {"tenders": tenders},
                   {"Idempotency-Key": str(uuid.uuid4())},
                   lambda status, body: status == 200 and paid.append(json.loads(body)))


send_all(api, CLIENTS, [draft(c) for c in customers])
send_all(api, CLIENTS, [pay(o) for o in drafted])
bad = len(customers) - len([o for o in paid if o["status"] == "PAID"])
if bad:
    sys.exit(f"{bad} orders were not paid")
