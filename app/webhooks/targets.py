"""Where a webhook may be sent: server-side request forgery refused, the address pinned.

A URL is checked when it is registered and again before every delivery, because what a
host name resolves to can change in between (DNS rebinding). Every address the name
resolves to must be public (not private, loopback, link-local, multicast, reserved or
unspecified), unless it falls in a network the settings allow-list
(`WEBHOOK_ALLOWED_NETWORKS`: tests and local development). An IPv6 address that carries an
IPv4 one (IPv4-mapped and -compatible, 6to4, NAT64, Teredo, ISATAP) is refused when the IPv4
address inside would be: 2002:7f00:1::1 reaches 127.0.0.1 through a 6to4 relay. The port
must be 1-65535. The delivery then connects to
the address that was checked, not to a second lookup of the name, with the TLS server
name and `Host` header of the URL, so a certificate is still checked for the name.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import httpx

from app.core.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_PORT = 65535
_LOW32 = 0xFFFFFFFF
_IPV4_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")  # SIIT (RFC 2765)
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated (RFC 4291), but still routed
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")  # RFC 3056: bits 16-47
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052 well-known prefix: the last 32 bits
_TEREDO = ipaddress.IPv6Network("2001::/32")  # RFC 4380: server bits 32-63, client inverted
# RFC 8215: a network's own NAT64 prefix, translated however that network chooses (the IPv4
# address may sit at any of RFC 6052's offsets), so no embedded address can be trusted.
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")
_ISATAP_IDS = (0x00005EFE, 0x02005EFE)  # RFC 5214 interface identifier, then the IPv4


class AddressForm(StrEnum):
    """How an IPv6 address carries an IPv4 one (named in a refusal)."""

    MAPPED = "IPv4-mapped"
    TRANSLATED = "IPv4-translated"
    COMPATIBLE = "IPv4-compatible"
    SIX_TO_FOUR = "6to4"
    NAT64 = "NAT64"
    TEREDO_SERVER = "Teredo server"
    TEREDO_CLIENT = "Teredo client"
    ISATAP = "ISATAP"


# Forms whose packets end at the IPv4 address itself (a translator or relay on the way):
# an allowed IPv4 address inside makes the IPv6 one allowed, whatever Python's tables say
# of the prefix. Teredo and ISATAP addresses are judged by their IPv6 prefix as well.
_LEADS_TO_IPV4 = frozenset(
    {AddressForm.MAPPED, AddressForm.TRANSLATED, AddressForm.SIX_TO_FOUR, AddressForm.NAT64}
)


def embedded_ipv4(
    address: ipaddress.IPv6Address,
) -> list[tuple[AddressForm, ipaddress.IPv4Address]]:
    """The IPv4 addresses an IPv6 transition address carries, each with its form; empty
    for an address of none. :: and ::1 are not IPv4-compatible (RFC 4291)."""
    value = int(address)
    found: list[tuple[AddressForm, ipaddress.IPv4Address]] = []
    if address in _IPV4_MAPPED:
        found.append((AddressForm.MAPPED, ipaddress.IPv4Address(value & _LOW32)))
    elif address in _IPV4_TRANSLATED:
        found.append((AddressForm.TRANSLATED, ipaddress.IPv4Address(value & _LOW32)))
    elif address in _IPV4_COMPATIBLE and value > 1:
        found.append((AddressForm.COMPATIBLE, ipaddress.IPv4Address(value & _LOW32)))
    elif address in _SIX_TO_FOUR:
        found.append((AddressForm.SIX_TO_FOUR, ipaddress.IPv4Address((value >> 80) & _LOW32)))
    elif address in _NAT64:
        found.append((AddressForm.NAT64, ipaddress.IPv4Address(value & _LOW32)))
    elif address in _TEREDO:
        found.append((AddressForm.TEREDO_SERVER, ipaddress.IPv4Address((value >> 64) & _LOW32)))
        found.append((AddressForm.TEREDO_CLIENT, ipaddress.IPv4Address(~value & _LOW32)))
    if not found and (value >> 32) & _LOW32 in _ISATAP_IDS:
        found.append((AddressForm.ISATAP, ipaddress.IPv4Address(value & _LOW32)))
    return found


class TargetRefused(Exception):
    """The URL may not receive webhooks; the message says why (shown to the owner)."""


@dataclass(frozen=True, slots=True)
class Target:
    url: httpx.URL
    host: str
    port: int


@dataclass(frozen=True, slots=True)
class Pinned:
    """A request to `target` at `address`: what the worker sends."""

    url: httpx.URL  # the URL with the host replaced by the checked address
    host_header: str
    server_name: str


def parse(url: str, settings: Settings) -> Target:
    """The URL as a target, or TargetRefused (scheme, credentials, missing host)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise TargetRefused("not a valid URL") from exc
    allowed = ("https", "http") if settings.webhook_allow_http else ("https",)
    if parsed.scheme not in allowed:
        raise TargetRefused("the URL must start with https://")
    if not parsed.host:
        raise TargetRefused("the URL has no host")
    if parsed.userinfo:
        raise TargetRefused("the URL may not carry a user name or password")
    if parsed.fragment:
        raise TargetRefused("the URL may not carry a #fragment")
    if parsed.port is not None and not 1 <= parsed.port <= MAX_PORT:
        raise TargetRefused(f"the port {parsed.port} is outside 1-{MAX_PORT}")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return Target(parsed, parsed.host, port)


def refusal(address: IPAddress, allowed: Sequence[Network]) -> str | None:
    """Why `address` may not be reached, or None when it may. An IPv4 address carried
    inside an IPv6 one is judged by the same rules, allow-list included."""
    if any(address in network for network in allowed):
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address in _LOCAL_NAT64:
            return "a local-use NAT64 address (64:ff9b:1::/48)"
        carried = embedded_ipv4(address)
        for form, inner in carried:
            reason = refusal(inner, allowed)
            if reason is not None:
                return f"an address carrying {inner} ({form}), {reason}"
        if carried and carried[0][0] in _LEADS_TO_IPV4:
            return None
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private or not address.is_global:
        return "a private address"
    return None


def resolve(target: Target, settings: Settings) -> IPAddress:
    """The address to connect to: every address the host resolves to must be allowed
    (one bad record refuses the lot, so a name cannot mix a public and a private one)."""
    try:
        addresses = [ipaddress.ip_address(target.host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise TargetRefused(f"the host {target.host} does not resolve") from exc
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    if not addresses:
        raise TargetRefused(f"the host {target.host} does not resolve")
    for address in addresses:
        reason = refusal(address, settings.webhook_allowed_networks)
        if reason is not None:
            raise TargetRefused(
                f"{target.host} is {reason} ({address}); webhooks go to public hosts"
            )
    return addresses[0]


def vet(url: str, settings: Settings) -> Target:
    """Parse and resolve `url` as a registration would: TargetRefused when it may not be used."""
    target = parse(url, settings)
    resolve(target, settings)
    return target


def pin(url: str, settings: Settings) -> Pinned:
    """Check `url` now and fix the address the delivery connects to."""
    target = parse(url, settings)
    address = resolve(target, settings)
    default_port = 443 if target.url.scheme == "https" else 80
    host_header = target.host if target.port == default_port else f"{target.host}:{target.port}"
    if ":" in target.host:  # an IPv6 literal keeps its brackets in Host
        host_header = (
            f"[{target.host}]" if target.port == default_port else f"[{target.host}]:{target.port}"
        )
    return Pinned(target.url.copy_with(host=str(address)), host_header, target.host)
