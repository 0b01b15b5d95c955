#!/usr/bin/env python3
"""Stored-value debits under load, over real HTTP: tops up SV_ACCOUNTS customers (the first SV_HOT_ACCOUNTS of
them, which get SV_HOT_SHARE % of the debits, several times), then SV_CLIENTS clients send raw debits for SV_WARMUP
+ SV_DURATION seconds, each with a new Idempotency-Key except SV_REPLAY_SHARE % replays of an earlier success.
Then drafts orders for as many customers more (SV_ORDERS, or half as many again as the raw debits' rate would pay)
and pays each once with a STORED_VALUE tender, for as long. Writes what every request got to OUT_DIR
(debit-keys.tsv, orders.tsv) for the SQL check, the clinic and the hot and other accounts to OUT_DIR/accounts (for
pgbench driving stored_value_debit itself) and the rates to OUT_DIR/rates.
   sv_bench.py BASE_URL TOKEN OUT_DIR"""
import json
import os
import random
import sys
import uuid

from bench_http import Api, Request, drive, report_load, send_all

BASE, TOKEN, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
CLIENTS, DURATION, WARMUP = int(os.environ["SV_CLIENTS"]), float(os.environ["SV_DURATION"]), float(
    os.environ["SV_WARMUP"])
ACCOUNTS, HOT, HOT_SHARE = int(os.environ["SV_ACCOUNTS"]), int(os.environ["SV_HOT_ACCOUNTS"]), int(
    os.environ["SV_HOT_SHARE"])
REPLAY_SHARE, ORDERS = int(os.environ["SV_REPLAY_SHARE"]), int(os.environ["SV_ORDERS"])
HOT_TOP_UPS = 5
SETUP_CLIENTS = 8  # setting up is not measured: few enough clients not to queue for the backend's connections
NULL = "\\N"
ORDER_PRICE = 5000
ORDERS_MAX = 30000

api = Api(BASE, TOKEN)
me, _ = api.call("GET", "/api/v1/me")
clinic = me["clinicIds"][0]
plan = max((p for p in api.pages(f"/api/v1/stored-value/plans?active=true&clinicId={clinic}", 50)),
           key=lambda p: p["value"]["amount"])
currency = plan["price"]["currency"]
item = api.pages(f"/api/v1/catalog/items?active=true&clinicId={clinic}", 1)[0]["id"]
customers = [c["id"] for c in api.pages("/api/v1/customers", 2 * ACCOUNTS)]
if len(customers) < 2 * ACCOUNTS:
    sys.exit(f"needs {2 * ACCOUNTS} customers, found {len(customers)}")
debit_customers, order_customers = customers[:ACCOUNTS], customers[ACCOUNTS:]


def money(amount):
    return {"amount": amount, "currency": currency}


def send_all_or_stop(label, requests):
    if not send_all(api, SETUP_CLIENTS, requests):
        sys.exit(f"{label} failed")


accounts = {}


def top_up(customer):
    def done(status, body):
        if status == 201:
            accounts[customer] = json.loads(body)["account"]["id"]

    return Request("top up (setup)", "POST", "/api/v1/stored-value/top-ups",
                   {"customerId": customer, "planId": plan["id"], "clinicId": clinic,
                    "tenders": [{"method": "WECHAT_PAY", "amount": plan["price"]}]},
                   {"Idempotency-Key": str(uuid.uuid4())}, done)


print(f"Topping up {len(customers)} customers on {plan['name']} ({HOT} hot accounts {HOT_TOP_UPS} times) ...")
send_all_or_stop("top-ups", [top_up(c) for c in customers])
send_all_or_stop("top-ups", [top_up(c) for c in debit_customers[:HOT] for _ in range(HOT_TOP_UPS - 1)])
hot_accounts = [accounts[c] for c in debit_customers[:HOT]]
cold_accounts = [accounts[c] for c in debit_customers[HOT:]]

debits = {}  # Idempotency-Key -> [account, amount, status of its first answer, entry id]
successes = []
replays_answered_otherwise = 0


def debit(_client):
    if successes and random.randrange(100) < REPLAY_SHARE:
        key = random.choice(successes[-1000:])
        account, amount, _, entry = debits[key]
        kind = "raw debit replay"
    else:
        key, entry = str(uuid.uuid4()), None
        account = random.choice(hot_accounts if random.randrange(100) < HOT_SHARE else cold_accounts)
        amount = random.randint(100, 500)
        debits[key] = [account, amount, None, None]
        kind = "raw debit"

    def done(status, body):
        global replays_answered_otherwise
        answered = json.loads(body)["id"] if status == 201 else None
        if entry is not None:
            # A replay the backend could not serve (5xx, timeout) counts as an error above; one it served, or
            # refused as a client error, must have answered the first entry.
            served = status == 201 or isinstance(status, int) and 400 <= status < 500
            replays_answered_otherwise += served and answered != entry
        else:
            debits[key][2:] = [status, answered]
            if answered:
                successes.append(key)

    return Request(kind, "POST", f"/api/v1/stored-value/accounts/{account}/debits",
                   {"amount": money(amount), "clinicId": clinic}, {"Idempotency-Key": key}, done)


print(f"Raw stored-value debits: {CLIENTS} clients, {len(hot_accounts)} hot accounts taking {HOT_SHARE} % of them, "
      f"{len(cold_accounts)} others, {REPLAY_SHARE} % replays; {WARMUP:.0f} s warm-up, {DURATION:.0f} s measured")
kinds, wall = drive(api, CLIENTS, debit, DURATION, WARMUP)
report_load(kinds, wall, CLIENTS)
raw_rate = len(kinds["raw debit"].latencies) / wall
print(f"replays that answered another entry than the first: {replays_answered_otherwise}")

drafts_needed = ORDERS or int(1.5 * raw_rate * (WARMUP + DURATION)) + CLIENTS
drafts_needed = min(drafts_needed, ORDERS_MAX, len(order_customers) * (plan["value"]["amount"] // ORDER_PRICE))
drafts = []


def draft(number):
    def done(status, body):
        if status == 201:
            order = json.loads(body)
            drafts.append((order["id"], order["total"]["amount"]))

    customer = order_customers[number % len(order_customers)]
    return Request("draft an order (setup)", "POST", "/api/v1/orders",
                   {"customerId": customer, "clinicId": clinic,
                    "lines": [{"itemId": item, "quantity": 1, "unitPrice": money(ORDER_PRICE)}]}, None, done)


print(f"Drafting {drafts_needed} orders of {ORDER_PRICE / 100:.2f} for {len(order_customers)} customers ...")
send_all_or_stop("drafts", [draft(n) for n in range(drafts_needed)])

orders = {}  # order id -> status of its one payment
unpaid = iter(drafts)


def pay(_client):
    order_id, total = next(unpaid, (None, None))
    if order_id is None:
        return None

    def done(status, _body):
        orders[order_id] = status

    return Request("order paid by stored value", "POST", f"/api/v1/orders/{order_id}/pay",
                   {"tenders": [{"method": "STORED_VALUE", "amount": money(total)}]},
                   {"Idempotency-Key": str(uuid.uuid4())}, done)


print(f"Orders paid with a STORED_VALUE tender: {CLIENTS} clients, each order once; {WARMUP:.0f} s warm-up, "
      f"{DURATION:.0f} s measured")
kinds, order_wall = drive(api, CLIENTS, pay, DURATION, WARMUP)
report_load(kinds, order_wall, CLIENTS)
order_rate = len(kinds["order paid by stored value"].latencies) / order_wall
if len(orders) == len(drafts):
    print(f"(all {len(drafts)} drafts were paid within {WARMUP + order_wall:.0f} s; SV_ORDERS sets how many)")

with open(os.path.join(OUT, "debit-keys.tsv"), "w") as out:
    for key, (account, _, status, entry) in debits.items():
        out.write(f"{key}\t{account}\t{status}\t{entry or NULL}\n")
with open(os.path.join(OUT, "orders.tsv"), "w") as out:
    for order_id, status in orders.items():
        out.write(f"{order_id}\t{status}\n")
with open(os.path.join(OUT, "accounts"), "w") as out:
    out.write(f"{clinic}\n{','.join(hot_accounts)}\n{','.join(cold_accounts)}\n")
with open(os.path.join(OUT, "rates"), "w") as out:
    out.write(f"{raw_rate:.1f} {order_rate:.1f} {replays_answered_otherwise}\n")
