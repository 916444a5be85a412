"""The role matrix's rows for the operations of app.webhooks (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import (
    CLINIC_OWNERS,
    OWNERS,
    PATIENTS_OWN,
    SIGNED_IN_OK,
    Case,
    Rows,
    hook_payload,
    json_body,
)

CLINIC_ENDPOINT = {"endpoint_id": "clinic_endpoint_id"}

ROWS: Rows = {
    # Webhook endpoints: each caller's own (the one named is the patient's), and a clinic's
    # for its owners only (a public address: these settings allow-list no network).
    ("POST", "/api/v1/me/webhooks"): Case(
        "401 201 201 201 201 201 201 201", json_body(hook_payload)
    ),
    ("GET", "/api/v1/me/webhooks"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/me/webhooks/{endpoint_id}"): Case(PATIENTS_OWN),
    ("PATCH", "/api/v1/me/webhooks/{endpoint_id}"): Case(
        "401 428 404 404 404 404 404 404", json_body(lambda w: {"description": "matrix"})
    ),
    ("DELETE", "/api/v1/me/webhooks/{endpoint_id}"): Case("401 428 404 404 404 404 404 404"),
    ("POST", "/api/v1/me/webhooks/{endpoint_id}/rotate-secret"): Case(
        "401 428 404 404 404 404 404 404"
    ),
    ("GET", "/api/v1/me/webhooks/{endpoint_id}/deliveries"): Case(PATIENTS_OWN),
    ("POST", "/api/v1/me/webhooks/{endpoint_id}/ping"): Case("401 202 404 404 404 404 404 404"),
    ("POST", "/api/v1/clinics/{clinic_id}/webhooks"): Case(OWNERS, json_body(hook_payload)),
    ("GET", "/api/v1/clinics/{clinic_id}/webhooks"): Case(CLINIC_OWNERS.format(200)),
    ("GET", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}"): Case(
        CLINIC_OWNERS.format(200), params=CLINIC_ENDPOINT
    ),
    ("PATCH", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}"): Case(
        CLINIC_OWNERS.format(428), json_body(lambda w: {"enabled": False}), params=CLINIC_ENDPOINT
    ),
    ("DELETE", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}"): Case(
        CLINIC_OWNERS.format(428), params=CLINIC_ENDPOINT
    ),
    ("POST", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}/rotate-secret"): Case(
        CLINIC_OWNERS.format(428), params=CLINIC_ENDPOINT
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}/deliveries"): Case(
        CLINIC_OWNERS.format(200), params=CLINIC_ENDPOINT
    ),
    ("POST", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}/ping"): Case(
        CLINIC_OWNERS.format(202), params=CLINIC_ENDPOINT
    ),
}
