"""Load generators run as separate processes on loopback, bounded in time.

`wrk` (Debian's package) when it is installed, else `bench.httpx_load` (asyncio +
httpx in a subprocess). Both report the same figures: requests completed, elapsed
time, p50 and p99 latency, and errors (socket errors plus any answer whose status is
not the one the scenario expects, e.g. a 200 where a 304 was expected).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
ID_MARK = "__BENCH_ID__"  # replaced by a fresh UUID in every request body


@dataclass(frozen=True)
class Request:
    """What one scenario sends, again and again."""

    method: str
    path: str
    expect: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None  # may contain ID_MARK
    # Bearer tokens of distinct users, taken in turn (request n signs as user n mod len):
    # with as many tokens as connections, the requests in flight are all of distinct users.
    tokens: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int
    statuses: dict[str, int]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0


def _lua_string(value: str) -> str:
    level = "=" * 4
    assert f"]{level}]" not in value
    return f"[{level}[{value}]{level}]"


def wrk_script(request: Request, id_base: str) -> str:
    """A wrk Lua script: the request (a fresh id per body if asked), status counting, JSON."""
    headers = "\n".join(
        f"wrk.headers[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in request.headers.items()
    )
    body = request.body or ""
    head, _, tail = body.partition(ID_MARK)
    dynamic = ID_MARK in body
    tokens = ", ".join(_lua_string(f"Bearer {token}") for token in request.tokens)
    lines = [
        f"wrk.method = {_lua_string(request.method)}",
        f"wrk.path = {_lua_string(request.path)}",
        headers,
        f"local head, tail = {_lua_string(head)}, {_lua_string(tail)}",
        f"local id_base = {_lua_string(id_base)}",
        "local threads = {}",
        "function setup(thread) table.insert(threads, thread); thread:set('tid', #threads) end",
        "function init(args) statuses = {}; counter = 0 end",
    ]
    if request.tokens:
        lines += [
            f"local tokens = {{ {tokens} }}",
            "function request()\n"
            "  counter = counter + 1\n"
            "  local headers = {}\n"
            "  for k, v in pairs(wrk.headers) do headers[k] = v end\n"
            "  headers['Authorization'] = tokens[(counter - 1) % #tokens + 1]\n"
            "  local body = head\n"
            + (
                "  body = head .. string.format('%s%04x%08x', id_base, tid, counter) .. tail\n"
                if dynamic
                else ""
            )
            + "  return wrk.format(nil, nil, headers, body ~= '' and body or nil)\n"
            "end",
        ]
    elif dynamic:
        lines.append(
            "function request()\n"
            "  counter = counter + 1\n"
            "  local id = string.format('%s%04x%08x', id_base, tid, counter)\n"
            "  return wrk.format(nil, nil, nil, head .. id .. tail)\n"
            "end"
        )
    elif body:
        lines.append("wrk.body = head")
    lines.append(
        """function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end
function done(summary, latency, requests)
  local agg = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get('statuses')) do agg[k] = (agg[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(agg) do table.insert(parts, string.format('"%s":%d', k, v)) end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,' ..
    '"socket_errors":%d,"statuses":{%s}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, table.concat(parts, ',')))
end"""
    )
    return "\n".join(line for line in lines if line) + "\n"


def _pinned(command: list[str], cpus: str | None) -> list[str]:
    return ["taskset", "-c", cpus, *command] if cpus else command


def _result(data: dict[str, object], expect: int) -> Result:
    statuses = {str(k): int(v) for k, v in dict(data["statuses"]).items()}  # type: ignore[call-overload]
    unexpected = sum(n for status, n in statuses.items() if status != str(expect))
    requests = int(data["requests"])  # type: ignore[call-overload]
    return Result(
        requests=requests,
        seconds=float(data["duration_us"]) / 1e6,  # type: ignore[arg-type]
        p50_ms=float(data["p50_us"]) / 1000 if requests else None,  # type: ignore[arg-type]
        p99_ms=float(data["p99_us"]) / 1000 if requests else None,  # type: ignore[arg-type]
        errors=int(data["socket_errors"]) + unexpected,  # type: ignore[call-overload]
        statuses=statuses,
    )


class Wrk:
    name = "wrk"

    @staticmethod
    def available() -> bool:
        return shutil.which("wrk") is not None

    def run(
        self,
        base_url: str,
        request: Request,
        seconds: float,
        connections: int,
        cpus: str | None = None,
    ) -> Result:
        id_base = str(uuid.uuid4())[:24]  # 8-4-4-4- ; wrk appends 12 hex digits
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(wrk_script(request, id_base))
        try:
            command = [
                "wrk",
                "-t1",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "30s",
                "-s",
                script.name,
                base_url + request.path,
            ]
            done = subprocess.run(
                _pinned(command, cpus),
                capture_output=True,
                text=True,
                timeout=seconds + 60,
                check=False,
            )
        finally:
            Path(script.name).unlink(missing_ok=True)
        for line in done.stdout.splitlines():
            if line.startswith("WRKJSON "):
                return _result(json.loads(line.removeprefix("WRKJSON ")), request.expect)
        raise RuntimeError(f"wrk gave no result: {done.stdout[-500:]} {done.stderr[-500:]}")


class HttpxLoad:
    name = "httpx (asyncio, subprocess)"

    @staticmethod
    def available() -> bool:
        return True

    def run(
        self,
        base_url: str,
        request: Request,
        seconds: float,
        connections: int,
        cpus: str | None = None,
    ) -> Result:
        spec = {
            "base_url": base_url,
            "method": request.method,
            "path": request.path,
            "headers": request.headers,
            "body": request.body,
            "id_mark": ID_MARK,
            "tokens": list(request.tokens),
            "seconds": seconds,
            "connections": connections,
        }
        command = [sys.executable, "-m", "bench.httpx_load"]
        done = subprocess.run(
            _pinned(command, cpus),
            input=json.dumps(spec),
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            timeout=seconds + 60,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"httpx load generator failed: {done.stderr[-1000:]}")
        return _result(json.loads(done.stdout), request.expect)


LoadGenerator = Wrk | HttpxLoad


def choose(preference: str) -> LoadGenerator:
    """`wrk`, `httpx`, or `auto` (wrk when installed)."""
    if preference == "httpx" or (preference == "auto" and not Wrk.available()):
        return HttpxLoad()
    if not Wrk.available():
        raise RuntimeError("BENCH_LOADGEN=wrk but wrk is not installed")
    return Wrk()
