"""Fallback load generator: `connections` asyncio workers with httpx, for `seconds`.

Reads a JSON spec on stdin, prints one JSON result on stdout in the shape the wrk
script prints (requests, duration_us, p50_us, p99_us, socket_errors, statuses).
Run as a subprocess (`python -m bench.httpx_load`) so it never shares a process, or
a CPU when pinned, with the server it measures.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
import time
import uuid
from collections import Counter
from typing import Any


def _percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


async def _run(spec: dict[str, Any]) -> dict[str, Any]:
    import httpx

    connections = int(spec["connections"])
    deadline = time.perf_counter() + float(spec["seconds"])
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    socket_errors = 0
    body: str | None = spec["body"]
    mark: str = spec["id_mark"]
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    tokens: list[str] = spec.get("tokens") or []

    async def worker(client: httpx.AsyncClient, number: int) -> None:
        nonlocal socket_errors
        headers = dict(spec["headers"])
        if tokens:  # one user per connection, as wrk's turn-taking gives in flight
            headers["Authorization"] = f"Bearer {tokens[number % len(tokens)]}"
        while True:
            content = body.replace(mark, str(uuid.uuid4())) if body is not None else None
            started = time.perf_counter()
            if started >= deadline:
                return
            try:
                response = await client.request(
                    spec["method"], spec["path"], headers=headers, content=content
                )
            except httpx.TransportError:
                socket_errors += 1
                continue
            finished = time.perf_counter()
            if finished > deadline:
                return  # like wrk: a request still running at the end is not counted
            latencies.append(finished - started)
            statuses[str(response.status_code)] += 1

    began = time.perf_counter()
    async with httpx.AsyncClient(base_url=spec["base_url"], limits=limits, timeout=30.0) as client:
        tasks = [asyncio.create_task(worker(client, n)) for n in range(connections)]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=float(spec["seconds"]) + 1)
    elapsed = min(time.perf_counter(), deadline) - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "duration_us": int(elapsed * 1e6),
        "p50_us": int(_percentile(latencies, 0.50) * 1e6),
        "p99_us": int(_percentile(latencies, 0.99) * 1e6),
        "socket_errors": socket_errors,
        "statuses": dict(statuses),
    }


def main() -> None:
    spec = json.load(sys.stdin)
    print(json.dumps(asyncio.run(_run(spec))))


if __name__ == "__main__":
    main()
