"""Membership hygiene over HTTP: invitation codes die with their issuer's membership (and,
for clinic codes, owner role) for good; owners list and revoke the clinic's codes, and a
clinician their own care codes; a list never shows a code."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import update
from sqlmodel import Session

from app.care.team.models import ClinicInvitation
from app.core.types import utcnow
from tests.factories import (
    SignedIn,
    care_code,
    create_clinic,
    delete_account,
    join_clinic,
    named,
    signed_in_user,
    unique_email,
)

API = "/api/v1"


async def _issue(
    client: httpx.AsyncClient, owner: SignedIn, clinic_id: uuid.UUID, role: str = "clinician"
) -> dict[str, str]:
    issued = await client.post(
        f"{API}/clinics/{clinic_id}/invitations", json={"role": role}, headers=owner.headers
    )
    assert issued.status_code == 201, issued.text
    body: dict[str, str] = issued.json()
    return body


async def _join(client: httpx.AsyncClient, code: str, who: SignedIn) -> httpx.Response:
    return await client.post(
        f"{API}/clinic-invitations/accept", json={"code": code}, headers=who.headers
    )


async def _accept_care(client: httpx.AsyncClient, code: str, who: SignedIn) -> httpx.Response:
    return await client.post(
        f"{API}/me/care-relationships", json={"code": code}, headers=who.headers
    )


async def _person(client: httpx.AsyncClient, name: str) -> SignedIn:
    return await signed_in_user(client, unique_email(name))


async def _remove(
    client: httpx.AsyncClient, by: SignedIn, clinic_id: uuid.UUID, member: SignedIn
) -> None:
    removed = await client.delete(
        f"{API}/clinics/{clinic_id}/members/{member.id}", headers=by.headers
    )
    assert removed.status_code == 204, removed.text


async def _set_role(
    client: httpx.AsyncClient, by: SignedIn, clinic_id: uuid.UUID, member: SignedIn, role: str
) -> None:
    changed = await client.patch(
        f"{API}/clinics/{clinic_id}/members/{member.id}", json={"role": role}, headers=by.headers
    )
    assert changed.status_code == 200, changed.text


# --- Codes die with their issuer ---------------------------------------------------------------


async def test_a_removed_owners_codes_no_longer_let_anyone_in(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob, role="owner")
    owner_code = (await _issue(client, bob, clinic_id, role="owner"))["code"]
    clinician_code = (await _issue(client, bob, clinic_id))["code"]
    await _remove(client, alice, clinic_id, bob)
    # The removed owner tries to take the clinic back with a code minted before.
    assert (await _join(client, owner_code, bob)).status_code == 404
    stranger = await _person(client, "stranger")
    assert (await _join(client, clinician_code, stranger)).status_code == 404
    members = (await client.get(f"{API}/clinics/{clinic_id}/members", headers=alice.headers)).json()
    assert [m["user"]["id"] for m in members["items"]] == [str(alice.id)]


async def test_a_demoted_owners_clinic_codes_die_and_stay_dead_after_a_new_promotion(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob, role="owner")
    owner_code = (await _issue(client, bob, clinic_id, role="owner"))["code"]
    clinician_code = (await _issue(client, bob, clinic_id))["code"]
    await _set_role(client, alice, clinic_id, bob, "clinician")
    await _set_role(client, alice, clinic_id, bob, "owner")
    carol, dave = await _person(client, "carol"), await _person(client, "dave")
    assert (await _join(client, owner_code, carol)).status_code == 404
    assert (await _join(client, clinician_code, dave)).status_code == 404
    listed = await client.get(f"{API}/clinics/{clinic_id}/invitations", headers=alice.headers)
    bobs = [i["status"] for i in listed.json()["items"] if i["created_by"]["id"] == str(bob.id)]
    assert bobs == ["revoked", "revoked"]


async def test_a_clinicians_care_code_dies_when_they_leave_and_stays_dead_when_they_rejoin(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob)
    code = await care_code(client, bob, clinic_id)
    left = await client.delete(f"{API}/clinics/{clinic_id}/members/{bob.id}", headers=bob.headers)
    assert left.status_code == 204
    patient = await _person(client, "patient")
    assert (await _accept_care(client, code, patient)).status_code == 404
    await join_clinic(client, alice, clinic_id, bob)
    preview = await client.post(
        f"{API}/me/care-invitations/preview", json={"code": code}, headers=patient.headers
    )
    assert preview.status_code == 404
    assert (await _accept_care(client, code, patient)).status_code == 404
    # A code issued under the new membership works.
    fresh = await care_code(client, bob, clinic_id)
    assert (await _accept_care(client, fresh, patient)).status_code == 201


async def test_a_removed_clinicians_care_code_stays_dead_when_they_are_invited_back(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob)
    code = await care_code(client, bob, clinic_id)
    await _remove(client, alice, clinic_id, bob)
    await join_clinic(client, alice, clinic_id, bob)
    patient = await _person(client, "patient")
    assert (await _accept_care(client, code, patient)).status_code == 404
    mine = await client.get(f"{API}/clinics/{clinic_id}/care-invitations", headers=bob.headers)
    assert [i["status"] for i in mine.json()["items"]] == ["revoked"]


async def test_a_deleted_owners_codes_die_with_the_account(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob, role="owner")
    code = (await _issue(client, bob, clinic_id, role="owner"))["code"]
    assert (await delete_account(client, bob)).status_code == 204
    carol = await _person(client, "carol")
    assert (await _join(client, code, carol)).status_code == 404
    listed = await client.get(f"{API}/clinics/{clinic_id}/invitations", headers=alice.headers)
    orphaned = [i for i in listed.json()["items"] if i["created_by"] is None]
    assert [i["status"] for i in orphaned] == ["revoked"]


async def test_a_demoted_owner_is_still_a_clinician_and_their_care_codes_work(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob, role="owner")
    code = await care_code(client, bob, clinic_id)
    await _set_role(client, alice, clinic_id, bob, "clinician")
    patient = await _person(client, "patient")
    assert (await _accept_care(client, code, patient)).status_code == 201


# --- Listing and revoking ----------------------------------------------------------------------


async def test_owners_list_the_clinics_codes_by_status_never_the_code(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    used = await _issue(client, alice, clinic_id)
    assert (await _join(client, used["code"], bob)).status_code == 200
    expired = await _issue(client, alice, clinic_id, role="owner")
    revoked = await _issue(client, alice, clinic_id)
    opened = await _issue(client, alice, clinic_id)
    with Session(app.state.engine) as session:
        session.execute(
            update(ClinicInvitation)
            .where(ClinicInvitation.id == uuid.UUID(expired["id"]))  # type: ignore[arg-type]
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    path = f"{API}/clinics/{clinic_id}/invitations"
    gone = await client.delete(f"{path}/{revoked['id']}", headers=alice.headers)
    assert gone.status_code == 204
    listed = await client.get(path, headers=alice.headers)
    assert listed.status_code == 200
    items = listed.json()["items"]
    assert [(i["id"], i["status"]) for i in items] == [
        (opened["id"], "open"),
        (revoked["id"], "revoked"),
        (expired["id"], "expired"),
        (used["id"], "used"),
    ]
    assert items[3]["used_by"]["id"] == str(bob.id) and items[2]["role"] == "owner"
    assert {i["created_by"]["id"] for i in items} == {str(alice.id)}
    assert items[1]["revoked_at"] is not None and items[0]["revoked_at"] is None
    assert all(c["code"] not in listed.text for c in (used, expired, revoked, opened))
    # A clinician of the clinic may not list them; a stranger does not see the clinic.
    assert (await client.get(path, headers=bob.headers)).status_code == 403
    stranger = await _person(client, "stranger")
    assert (await client.get(path, headers=stranger.headers)).status_code == 404


async def test_invitation_pages_follow_the_cursor_without_repeats(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    issued = [(await _issue(client, alice, clinic_id))["id"] for _ in range(5)]
    path, seen, cursor = f"{API}/clinics/{clinic_id}/invitations?limit=2", [], None
    while True:
        page = await client.get(
            path + (f"&cursor={cursor}" if cursor else ""), headers=alice.headers
        )
        assert page.status_code == 200, page.text
        seen += [i["id"] for i in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == issued[::-1]
    too_many = await client.get(
        f"{API}/clinics/{clinic_id}/invitations?limit=101", headers=alice.headers
    )
    assert too_many.status_code == 422


async def test_a_revoked_code_is_refused_revoking_again_is_a_no_op_and_a_used_one_is_409(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    invitation = await _issue(client, alice, clinic_id)
    path = f"{API}/clinics/{clinic_id}/invitations/{invitation['id']}"
    assert (await client.delete(path, headers=alice.headers)).status_code == 204
    assert (await client.delete(path, headers=alice.headers)).status_code == 204
    assert (await _join(client, invitation["code"], bob)).status_code == 404
    used = await _issue(client, alice, clinic_id)
    assert (await _join(client, used["code"], bob)).status_code == 200
    conflict = await client.delete(
        f"{API}/clinics/{clinic_id}/invitations/{used['id']}", headers=alice.headers
    )
    assert conflict.status_code == 409
    assert conflict.headers["content-type"] == "application/problem+json"
    # A clinician may not revoke; another clinic's invitation is unknown here.
    other = await _issue(client, alice, clinic_id)
    other_path = f"{API}/clinics/{clinic_id}/invitations/{other['id']}"
    assert (await client.delete(other_path, headers=bob.headers)).status_code == 403
    elsewhere = await create_clinic(client, alice, "Elsewhere")
    wrong = await client.delete(
        f"{API}/clinics/{elsewhere}/invitations/{other['id']}", headers=alice.headers
    )
    assert wrong.status_code == 404
    unknown = await client.delete(
        f"{API}/clinics/{clinic_id}/invitations/{uuid.uuid4()}", headers=alice.headers
    )
    assert unknown.status_code == 404
    carol = await _person(client, "carol")
    assert (await _join(client, other["code"], carol)).status_code == 200


async def test_a_revocation_raced_against_a_join_lets_exactly_one_win(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    for _ in range(4):
        invitation = await _issue(client, alice, clinic_id)
        revoked, joined = await asyncio.gather(
            client.delete(
                f"{API}/clinics/{clinic_id}/invitations/{invitation['id']}",
                headers=alice.headers,
            ),
            _join(client, invitation["code"], bob),
        )
        assert (revoked.status_code, joined.status_code) in ((204, 404), (409, 200))
        if joined.status_code == 200:
            await _remove(client, alice, clinic_id, bob)


async def test_clinicians_list_and_revoke_only_their_own_care_codes(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob)
    path = f"{API}/clinics/{clinic_id}/care-invitations"
    await named(client, alice, "Dr Green")
    await named(client, bob)
    mine = await client.post(path, json={"scopes": ["progress"]}, headers=bob.headers)
    theirs = await client.post(path, json={"scopes": ["sessions"]}, headers=alice.headers)
    listed = await client.get(path, headers=bob.headers)
    assert listed.status_code == 200
    assert [(i["id"], i["status"], i["scopes"]) for i in listed.json()["items"]] == [
        (mine.json()["id"], "open", ["progress"])
    ]
    assert mine.json()["code"] not in listed.text
    not_mine = await client.delete(f"{path}/{theirs.json()['id']}", headers=bob.headers)
    assert not_mine.status_code == 404
    assert (
        await client.delete(f"{path}/{mine.json()['id']}", headers=bob.headers)
    ).status_code == 204
    patient = await _person(client, "patient")
    assert (await _accept_care(client, mine.json()["code"], patient)).status_code == 404
    assert (await _accept_care(client, theirs.json()["code"], patient)).status_code == 201
    used = await client.delete(f"{path}/{theirs.json()['id']}", headers=alice.headers)
    assert used.status_code == 409
    stranger = await _person(client, "stranger")
    assert (await client.get(path, headers=stranger.headers)).status_code == 404
