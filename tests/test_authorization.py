"""Authorization matrix: every operation of the OpenAPI document, called anonymously.

PUBLIC_OPERATIONS is the one list of what anyone may call. Any other operation,
including one added tomorrow, must answer an anonymous caller with 401.
"""

from __future__ import annotations

import re
import uuid

import httpx

from tests.factories import SignedIn

PUBLIC_OPERATIONS = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/api/v1/exercises"),
    ("GET", "/api/v1/exercises/{slug}"),
    ("GET", "/api/v1/catalog"),
    ("GET", "/api/v1/equipment"),
    ("GET", "/api/v1/muscles"),
    ("GET", "/api/v1/muscles/{slug}"),
    ("POST", "/api/v1/auth/register"),
    ("POST", "/api/v1/auth/token"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/logout"),  # the refresh token in the body is the credential
    ("GET", "/api/v1/shared/{token}"),  # the link's token is the credential
    ("GET", "/api/v1/me/calendar.ics"),  # the feed token in the query is the credential
    ("GET", "/api/v1/fhir/metadata"),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/metadata"),
    ("GET", "/api/v1/fhir/ActivityDefinition"),
    ("GET", "/api/v1/fhir/ActivityDefinition/{slug}"),
    ("GET", "/api/v1/fhir/PlanDefinition"),
    ("GET", "/api/v1/fhir/PlanDefinition/{template_id}"),
    ("GET", "/api/v1/fhir/StructureDefinition"),
    ("GET", "/api/v1/fhir/StructureDefinition/{definition_id}"),
    ("GET", "/api/v1/fhir/CodeSystem"),
    ("GET", "/api/v1/fhir/CodeSystem/{system_id}"),
    ("GET", "/api/v1/fhir/Questionnaire"),
    ("GET", "/api/v1/fhir/Questionnaire/{questionnaire_id}"),
    ("GET", "/api/v1/instruments"),
    ("GET", "/api/v1/instruments/{instrument_id}"),
}
ADMIN_OPERATIONS = {
    ("POST", "/api/v1/exercises"),
    ("PATCH", "/api/v1/exercises/{slug}"),
    ("DELETE", "/api/v1/exercises/{slug}"),
}


def _concrete(path: str) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "version":  # a routine's version number
            return "1"
        return "clamshell" if name == "slug" else str(uuid.uuid4())

    return re.sub(r"\{([^}]+)\}", fill, path)


async def _operations(client: httpx.AsyncClient) -> list[tuple[str, str]]:
    spec = (await client.get("/openapi.json")).json()
    return [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


async def test_every_non_public_operation_refuses_anonymous_callers(
    client: httpx.AsyncClient,
) -> None:
    operations = await _operations(client)
    assert set(operations) >= PUBLIC_OPERATIONS, "a public operation vanished from the spec"
    protected = [op for op in operations if op not in PUBLIC_OPERATIONS]
    assert protected, "the matrix found nothing to check"
    for method, path in protected:
        response = await client.request(method, _concrete(path), json={})
        assert response.status_code == 401, (method, path, response.status_code)
        # FHIR operations answer a FHIR OperationOutcome (app/exports/fhir/outcome.py).
        expected = "application/fhir+json" if "/fhir/" in path else "application/problem+json"
        assert response.headers["content-type"] == expected
        assert response.headers["www-authenticate"] == "Bearer"


async def test_admin_operations_refuse_signed_in_users(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    operations = set(await _operations(client))
    assert operations >= ADMIN_OPERATIONS
    for method, path in ADMIN_OPERATIONS:
        response = await client.request(method, _concrete(path), json={}, headers=alice.headers)
        assert response.status_code == 403, (method, path)
