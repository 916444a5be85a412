"""Where a webhook may be sent: server-side request forgery refused, the address pinned.

A URL is checked when it is registered and again before every delivery, because what a
host name resolves to can change in between (DNS rebinding). Every address the name
resolves to must be public (not private, loopback, link-local, multicast, reserved or
unspecified), unless it falls in a network the settings allow-list
(`WEBHOOK_ALLOWED_NETWORKS`: tests and local development). The delivery then connects to
the address that was checked, not to a second lookup of the name, with the TLS server
name and `Host` header of the URL, so a certificate is still checked for the name.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from app.core.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


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
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return Target(parsed, parsed.host, port)


def refusal(
    address: IPAddress, allowed: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network]
) -> str | None:
    """Why `address` may not be reached, or None when it may."""
    if any(address in network for network in allowed):
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal(address.ipv4_mapped, allowed)
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
