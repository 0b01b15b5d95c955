"""What bin/bench's Python parts share: blocking API calls for setup, a keep-alive HTTP/1.1 load driver on asyncio
(C clients on C connections, for a fixed time or until the work runs out) and the one way results are printed.
Also a command line for the shell parts:  bench_http.py stats LABEL [UNIT [SECONDS CLIENTS [ERROR=COUNT]]]  prints
the summary of the latencies (one a line, UNIT s or us; default s) read from standard input, with their rate over
SECONDS."""
import asyncio
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter


class Api:
    """Blocking calls as one user, for setting a benchmark up."""

    def __init__(self, base, token):
        self.base, self.token = base, token
        self.host, self.port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port

    def headers(self, extra=None):
        return {"Authorization": "Bearer " + self.token, "Content-Type": "application/json",
                "Accept": "application/json", **(extra or {})}

    def call(self, method, path, body=None, headers=None):
        """The decoded answer and the seconds it took; an HTTP error raises with its problem body."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=self.headers(headers))
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answer = json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.code} {e.read().decode(errors='replace')}") from None
        return answer, time.perf_counter() - started

    def pages(self, path, limit):
        """The first `limit` items of a cursor-paged list."""
        items, cursor = [], None
        while len(items) < limit:
            separator = "&" if "?" in path else "?"
            page, _ = self.call("GET", f"{path}{separator}limit=200" + (f"&cursor={cursor}" if cursor else ""))
            items += page["items"]
            cursor = page.get("nextCursor")
            if not cursor:
                break
        return items[:limit]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else float("nan")


def report(label, latencies, wall=None, clients=None, errors=None):
    """One line: the rate of successes (when timed over `wall` seconds), latency percentiles, errors by status."""
    rate = f"{len(latencies) / wall:8.1f} /s  " if wall else ""
    line = (f"{label:<30} {rate} p50 {percentile(latencies, .5):7.1f} ms  p95 {percentile(latencies, .95):7.1f} ms  "
            f"p99 {percentile(latencies, .99):7.1f} ms  max {max(latencies, default=float('nan')) * 1000:7.1f} ms  "
            f"({len(latencies)} ok" + (f", {clients} clients" if clients else "") + ")")
    if errors:
        line += "  errors: " + ", ".join(f"{status} x{n}" for status, n in sorted(errors.items(), key=str))
    print(line, flush=True)


class Request:
    """One request of a load; `done(status, body)` hears its answer (status a number, or 'timeout'/'io-error')."""
    __slots__ = ("kind", "method", "path", "body", "headers", "done")

    def __init__(self, kind, method, path, body=None, headers=None, done=None):
        self.kind, self.method, self.path, self.headers, self.done = kind, method, path, headers or {}, done
        self.body = json.dumps(body).encode() if body is not None else b""


class Connection:
    """A keep-alive HTTP/1.1 connection that opens again after the server closed it."""

    def __init__(self, host, port):
        self.host, self.port, self.reader, self.writer = host, port, None, None

    async def send(self, api, request):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                f"Content-Length: {len(request.body)}"]
        head += [f"{name}: {value}" for name, value in api.headers(request.headers).items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + request.body)
        status = int((await self.reader.readline()).split()[1])
        length, chunked, close = 0, False, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                chunked = "chunked" in value
            elif name == "connection":
                close = value == "close"
        if chunked:
            body = b""
            while (size := int((await self.reader.readline()).split(b";")[0], 16)) > 0:
                body += await self.reader.readexactly(size + 2)
                body = body[:-2]
            await self.reader.readline()
        else:
            body = await self.reader.readexactly(length)
        if close:
            self.close()
        return status, body

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Kind:
    """What a load measured of one kind of request, in its measured window."""

    def __init__(self):
        self.latencies, self.errors, self.first, self.last = [], Counter(), None, None

    def record(self, status, started, finished):
        self.first = started if self.first is None else min(self.first, started)
        self.last = finished if self.last is None else max(self.last, finished)
        if isinstance(status, int) and 200 <= status < 300:
            self.latencies.append(finished - started)
        else:
            self.errors[status] += 1


def drive(api, clients, next_request, duration=None, warmup=0.0, timeout=60.0):
    """Runs `clients` connections, each sending `next_request(client)` after the previous answer, until
    warmup + duration seconds have passed (None: until next_request answers None). Requests sent during the warm-up
    are done but not measured. Every request sent is waited for, so each `done` hears how it ended. Answers
    ({kind: Kind}, measured seconds)."""
    kinds = {}

    async def client(number, warm_until, deadline):
        connection = Connection(api.host, api.port)
        while deadline is None or time.perf_counter() < deadline:
            request = next_request(number)
            if request is None:
                break
            started = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(connection.send(api, request), timeout)
            except asyncio.TimeoutError:
                status, body = "timeout", b""
                connection.close()
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                status, body = "io-error", b""
                connection.close()
            finished = time.perf_counter()
            if started >= warm_until:
                kinds.setdefault(request.kind, Kind()).record(status, started, finished)
            if request.done:
                request.done(status, body)
        connection.close()

    async def run():
        started = time.perf_counter()
        warm_until = started + warmup
        deadline = warm_until + duration if duration is not None else None
        await asyncio.gather(*(client(n, warm_until, deadline) for n in range(clients)))
        window_end = min(time.perf_counter(), deadline) if deadline else time.perf_counter()
        return window_end - warm_until

    wall = asyncio.run(run())
    return kinds, wall


def report_load(kinds, wall, clients):
    for label, kind in kinds.items():
        report(label, kind.latencies, wall, clients, kind.errors)


def send_all(api, clients, requests):
    """Sends a list of requests from `clients` connections, prints how it went; true when all succeeded."""
    pending = iter(requests)
    kinds, wall = drive(api, clients, lambda _: next(pending, None))
    report_load(kinds, wall, clients)
    return not any(kind.errors for kind in kinds.values())


if __name__ == "__main__" and len(sys.argv) >= 3 and sys.argv[1] == "stats":
    label, unit, seconds, clients, error = (sys.argv[2:] + [None] * 4)[:5]
    scale = 1e-6 if unit == "us" else 1.0
    status, _, count = (error or "=0").partition("=")
    report(label, [float(line) * scale for line in sys.stdin if line.strip()], seconds and float(seconds),
           clients and int(clients), {status: int(count)} if int(count) else None)
