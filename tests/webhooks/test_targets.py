"""Webhook targets through IPv6 transition forms: the IPv4 address an IPv6 one carries is
found wherever each form puts it, and judged by the IPv4 rules (property-tested)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.webhooks.targets import AddressForm, embedded_ipv4, refusal

ipv4s = st.integers(min_value=0, max_value=2**32 - 1).map(ipaddress.IPv4Address)
bits = st.integers


def v6(value: int) -> ipaddress.IPv6Address:
    return ipaddress.IPv6Address(value)


@given(inner=ipv4s)
def test_an_ipv4_mapped_address_carries_its_last_32_bits(inner: ipaddress.IPv4Address) -> None:
    assert embedded_ipv4(v6(0xFFFF << 32 | int(inner))) == [(AddressForm.MAPPED, inner)]


@given(inner=ipv4s)
def test_an_ipv4_translated_address_carries_its_last_32_bits(
    inner: ipaddress.IPv4Address,
) -> None:
    assert embedded_ipv4(v6(0xFFFF << 48 | int(inner))) == [(AddressForm.TRANSLATED, inner)]


@given(inner=ipv4s.filter(lambda a: int(a) > 1))
def test_an_ipv4_compatible_address_carries_its_last_32_bits(
    inner: ipaddress.IPv4Address,
) -> None:
    assert embedded_ipv4(v6(int(inner))) == [(AddressForm.COMPATIBLE, inner)]


@given(inner=ipv4s, subnet=bits(0, 2**16 - 1), interface=bits(0, 2**64 - 1))
def test_a_6to4_address_carries_bits_16_to_47(
    inner: ipaddress.IPv4Address, subnet: int, interface: int
) -> None:
    address = v6(0x2002 << 112 | int(inner) << 80 | subnet << 64 | interface)
    assert embedded_ipv4(address) == [(AddressForm.SIX_TO_FOUR, inner)]
    assert address.sixtofour == inner  # the standard library agrees


@given(inner=ipv4s)
def test_a_nat64_well_known_address_carries_its_last_32_bits(
    inner: ipaddress.IPv4Address,
) -> None:
    assert embedded_ipv4(v6(0x64FF9B << 96 | int(inner))) == [(AddressForm.NAT64, inner)]


@given(server=ipv4s, client=ipv4s, flags=bits(0, 2**16 - 1), port=bits(0, 2**16 - 1))
def test_a_teredo_address_carries_the_server_and_the_inverted_client(
    server: ipaddress.IPv4Address, client: ipaddress.IPv4Address, flags: int, port: int
) -> None:
    inverted_client = int(client) ^ 0xFFFFFFFF
    address = v6(0x20010000 << 96 | int(server) << 64 | flags << 48 | port << 32 | inverted_client)
    assert embedded_ipv4(address) == [
        (AddressForm.TEREDO_SERVER, server),
        (AddressForm.TEREDO_CLIENT, client),
    ]
    assert address.teredo == (server, client)


@given(
    inner=ipv4s,
    prefix=bits(0x2400 << 48, (0x2800 << 48) - 1),  # global unicast, clear of the other forms
    universal=st.booleans(),
)
def test_an_isatap_interface_identifier_carries_its_last_32_bits(
    inner: ipaddress.IPv4Address, prefix: int, universal: bool
) -> None:
    identifier = (0x02005EFE if universal else 0x00005EFE) << 32 | int(inner)
    assert embedded_ipv4(v6(prefix << 64 | identifier)) == [(AddressForm.ISATAP, inner)]


@given(address=bits(0x2400 << 112, (0x2800 << 112) - 1).map(v6))
def test_an_ordinary_global_address_carries_nothing(address: ipaddress.IPv6Address) -> None:
    if (int(address) >> 32) & 0xFDFFFFFF != 0x00005EFE:  # not an ISATAP identifier
        assert embedded_ipv4(address) == []


_REFUSED_IPV4 = [
    "127.0.0.1",
    "10.0.0.1",
    "192.168.1.1",
    "172.16.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "240.0.0.1",
]


@given(
    inner=st.sampled_from(_REFUSED_IPV4).map(ipaddress.IPv4Address),
    wrap=st.sampled_from(
        [
            lambda a: 0xFFFF << 32 | a,
            lambda a: 0xFFFF << 48 | a,
            lambda a: a,
            lambda a: 0x2002 << 112 | a << 80 | 1,
            lambda a: 0x64FF9B << 96 | a,
            lambda a: 0x20010000 << 96 | 0x5DB8D70E << 64 | (a ^ 0xFFFFFFFF),
            lambda a: 0x20010000 << 96 | a << 64 | (0x5DB8D70E ^ 0xFFFFFFFF),
            lambda a: 0x2600 << 112 | 0x02005EFE << 32 | a,
        ]
    ),
)
def test_every_form_carrying_an_internal_ipv4_is_refused_naming_it(
    inner: ipaddress.IPv4Address, wrap: Callable[[int], int]
) -> None:
    reason = refusal(v6(wrap(int(inner))), [])
    assert reason is not None
    assert f"carrying {inner}" in reason or inner == ipaddress.IPv4Address("0.0.0.0")


@pytest.mark.parametrize(
    "address",
    ["2002:5db8:d70e::1", "64:ff9b::5db8:d70e", "::ffff:93.184.215.14", "::ffff:0:5db8:d70e"],
)
def test_forms_that_lead_to_a_public_ipv4_address_are_allowed(address: str) -> None:
    assert refusal(ipaddress.IPv6Address(address), []) is None


def test_the_local_use_nat64_prefix_is_refused_whatever_it_carries() -> None:
    reason = refusal(ipaddress.IPv6Address("64:ff9b:1::5db8:d70e"), [])
    assert reason == "a local-use NAT64 address (64:ff9b:1::/48)"


def test_the_allow_list_opens_a_carried_address_too() -> None:
    loopback = [ipaddress.IPv4Network("127.0.0.0/8")]
    assert refusal(ipaddress.IPv6Address("2002:7f00:1::1"), loopback) is None
    assert refusal(ipaddress.IPv6Address("2002:7f00:1::1"), []) is not None
