"""A corpus of bad input against a real server: 4xx problem+json, and no row changes."""

from __future__ import annotations

import csv
import io

import httpx

from tests.factories import session_body, sign_up
from tests.reliability import corpus
from tests.reliability.conftest import LOAD, Live, row_counts

PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance", "errors"}
# However large or deep the request, its problem document stays small (issue #11: a 1 MiB
# body of nested lists once made a 135 MB answer).
MAX_PROBLEM_BYTES = 16 * 1024


def problem_issue(case: corpus.Case, answer: httpx.Response) -> str | None:
    """Why this answer is not a 4xx RFC 9457 problem document, or None when it is."""
    where = f"{case.name}: {answer.status_code}"
    if not 400 <= answer.status_code < 500:
        return f"{where} is not a 4xx ({answer.text[:200]})"
    media = answer.headers.get("content-type", "").split(";")[0]
    if media != "application/problem+json":
        return f"{where} came as {media!r}"
    try:
        body = answer.json()
    except ValueError:
        return f"{where} body is not JSON"
    if not isinstance(body, dict) or set(body) != PROBLEM_FIELDS:
        return f"{where} body has fields {sorted(body) if isinstance(body, dict) else body!r}"
    if body["status"] != answer.status_code or not isinstance(body["errors"], list):
        return f"{where} body says status {body['status']!r}"
    if len(answer.content) > MAX_PROBLEM_BYTES:
        return f"{where} problem document is {len(answer.content)} bytes"
    return None


async def test_bad_input_gets_a_problem_document_and_changes_no_row(live: Live) -> None:
    server, db_engine = live.server, live.engine
    cases = corpus.build() + corpus.junk(seed=20261125, count=LOAD.junk_cases)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as client:
        (account,) = await sign_up(client, 1)
        before = row_counts(db_engine)
        issues = []
        for case in cases:
            headers = {**case.headers, **(account.headers if case.signed_in else {})}
            try:
                answer = await client.request(
                    case.method, case.path, content=case.body, headers=headers
                )
            except httpx.TransportError as exc:
                issues.append(f"{case.name}: no answer ({exc!r})")
                continue
            issue = problem_issue(case, answer)
            if issue is not None:
                issues.append(issue)
        after = row_counts(db_engine)
    assert issues == [], "\n".join(issues)
    assert after == before
    log = server.output()
    assert "Traceback" not in log
    assert "database is locked" not in log


async def test_formulas_in_notes_are_exported_as_text(live: Live) -> None:
    """Valid notes that spell a formula are stored as sent and exported neutralised."""
    async with httpx.AsyncClient(base_url=live.server.base_url, timeout=60) as client:
        (account,) = await sign_up(client, 1)
        for formula in corpus.CSV_FORMULAS:
            body = session_body(0)
            body["notes"] = formula
            body["entries"][0]["notes"] = formula
            live.sent[body["id"]] = body  # the crash test checks every stored session
            created = await client.post("/api/v1/sessions", json=body, headers=account.headers)
            assert created.status_code == 201, created.text
        export = await client.get("/api/v1/sessions/export", headers=account.headers)
    cells = [
        row[name]
        for row in csv.DictReader(io.StringIO(export.text))
        for name in ("notes", "session_notes")
    ]
    assert sorted(cells) == sorted("'" + f for f in corpus.CSV_FORMULAS for _ in range(2))
