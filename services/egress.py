"""Where the server may send requests on a user's behalf (webhooks): globally routable addresses only.

`ipaddress.is_global` alone is not enough: an IPv6 address can carry an IPv4 one (IPv4-mapped, IPv4-compatible,
6to4, Teredo, NAT64) and reach 127.0.0.1 or the cloud metadata service through it, and this Python's tables miss
some special blocks (192.88.99.0/24, multicast). The caller connects to the very address checked here, so a name
that resolves elsewhere a moment later (DNS rebinding) changes nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from core.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]

# Not reachable, not ours to reach, or special, whatever this Python's ipaddress tables say (RFC 6890 and later).
_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/127", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
    )
)  # fmt: skip
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to (IPv4-mapped, 6to4, Teredo server and client, NAT64, compat)."""
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)
    if any(ip in net for net in _NAT64) or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    return []


def _plain_global(ip: IPAddress) -> bool:
    return ip.is_global and not ip.is_multicast and not any(ip.version == n.version and ip in n for n in _BLOCKED)


def is_public_address(address: str | IPAddress) -> bool:
    """True when the address, and every IPv4 address inside it, is globally routable and not special."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return False  # fe80::1%eth0 and the like name a local link
        inner = embedded_ipv4(ip)
        if inner:
            return all(_plain_global(v4) for v4 in inner)
    return _plain_global(ip)


def system_resolve(host: str) -> list[str]:
    """Every address the system resolver gives for host (deduplicated, in its order)."""
    return list(dict.fromkeys(str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)))


def public_addresses(host: str, *, allow_private: bool = False, resolve: Resolver | None = None) -> list[str]:
    """The addresses of host a request may go to; InputError when it does not resolve or any address is not public.

    Every address must pass (not just one): a resolver may answer with several and the connection may use any.
    """
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    try:
        addresses = [str(literal)] if literal is not None else (resolve or system_resolve)(host)
    except (OSError, UnicodeError) as exc:
        raise InputError("callback_url host does not resolve") from exc
    if not addresses:
        raise InputError("callback_url host does not resolve")
    if not allow_private and not all(is_public_address(a) for a in addresses):
        raise InputError(
            "callback_url resolves to a private, loopback or otherwise non-public address, which is not allowed"
        )
    return addresses


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request that reaches `address` (already checked) for `url`: the URL with the address as its host, the
    Host header of the original name, and, for https, the TLS server name (SNI and certificate check) of that name.

    Connecting to the checked address, instead of letting the HTTP client resolve the name again, is what makes a
    DNS answer that changes after the check (rebinding) harmless.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    ip = ipaddress.ip_address(address)
    target = f"[{ip}]" if ip.version == 6 else str(ip)
    port = f":{parts.port}" if parts.port else ""
    name = f"[{host}]" if ":" in host else host
    pinned_url = urlunsplit((parts.scheme, target + port, parts.path or "/", parts.query, ""))
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return pinned_url, {"Host": name + port}, extensions
