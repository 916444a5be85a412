"""The instruments served read-only: provenance on every one, ETags, 304, 404."""

from __future__ import annotations

import httpx


async def test_instruments_are_served_with_provenance_and_cached_by_etag(
    client: httpx.AsyncClient,
) -> None:
    listed = await client.get("/api/v1/instruments")
    assert listed.status_code == 200
    assert listed.headers["cache-control"].startswith("public, max-age=")
    body = listed.json()
    ids = [i["id"] for i in body["items"]]
    assert ids == [
        "groc",
        "night-pain",
        "stairs-pain",
        "sls-time-to-pain",
        "hip-abduction-strength",
        "psfs",
    ]
    for instrument in body["items"]:
        assert instrument["sources"] and instrument["licence"]
        assert instrument["mcid"]["provenance"] == "source" and instrument["mcid"]["reason"]
    assert [w["title"] for w in body["withheld"]] == [
        "Victorian Institute of Sport Assessment - Gluteal (VISA-G)",
        "Pain Self-Efficacy Questionnaire (PSEQ)",
    ]
    again = await client.get(
        "/api/v1/instruments", headers={"If-None-Match": listed.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""

    psfs = await client.get("/api/v1/instruments/psfs")
    assert psfs.json()["mcid"]["value"] == 1.3 and psfs.json()["rule"] == "mean-of-activities"
    assert psfs.headers["etag"].startswith('"instrument-psfs-v1-')
    night = (await client.get("/api/v1/instruments/night-pain")).json()
    assert (night["loinc"], night["higher_is_better"]) == ("72514-3", False)
    missing = await client.get("/api/v1/instruments/visa-g")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
