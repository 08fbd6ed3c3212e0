"""Finding 5: webhook SSRF. Only globally routable addresses are accepted — after unwrapping the IPv4 address an
IPv6 one carries (IPv4-mapped, IPv4-compatible, 6to4, Teredo, NAT64) — and every address a name resolves to must
pass."""

from __future__ import annotations

import pytest

from core.errors import InputError
from services.egress import is_public_address, pinned, public_addresses
from services.webhooks import check_callback_url
from tests.integration.api_support import JD, RESUME

REFUSED = [
    "100.100.100.200",  # shared address space 100.64.0.0/10: Alibaba's metadata service
    "100.64.0.1",
    "169.254.169.254",  # link-local: AWS/GCP/Azure metadata
    "fd00:ec2::254",  # AWS metadata over IPv6 (unique local)
    "192.88.99.1",  # 6to4 relay anycast (deprecated)
    "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 wrapping 169.254.169.254
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo whose client is 192.0.2.45 (documentation)
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b:1::a00:1",  # local-use NAT64 of 10.0.0.1
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::127.0.0.1",  # IPv4-compatible loopback
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "198.18.0.1",
    "::1", "::", "fe80::1", "fe80::1%eth0", "ff02::1", "2001:db8::1", "not-an-address",
]  # fmt: skip
ACCEPTED = ["93.184.216.34", "1.1.1.1", "2606:4700::1111", "2002:5db8:d822::1", "64:ff9b::5db8:d822"]


@pytest.mark.parametrize("address", REFUSED)
def test_non_global_addresses_are_refused(address) -> None:
    assert is_public_address(address) is False


@pytest.mark.parametrize("address", ACCEPTED)
def test_global_addresses_pass(address) -> None:
    assert is_public_address(address) is True


def test_every_resolved_address_must_be_public() -> None:
    assert public_addresses("hooks.example", resolve=lambda _h: ["93.184.216.34"]) == ["93.184.216.34"]
    with pytest.raises(InputError, match="non-public"):
        public_addresses("hooks.example", resolve=lambda _h: ["93.184.216.34", "100.100.100.200"])
    with pytest.raises(InputError, match="does not resolve"):
        public_addresses("hooks.example", resolve=lambda _h: [])
    with pytest.raises(InputError, match="non-public"):
        check_callback_url("http://[2002:7f00:1::]:8080/hook", allow_private=False)


@pytest.mark.parametrize(
    "url", ["http://100.100.100.200/latest/meta-data/", "http://[64:ff9b::a9fe:a9fe]/", "http://192.88.99.7/x"]
)
def test_the_api_refuses_such_callbacks(make_api, url) -> None:
    env = make_api(webhook_allow_private=False)
    body = {"jd": JD, "resumes": [RESUME], "callback_url": url}
    reply = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert reply.status_code == 422 and reply.json()["error"] == "invalid_callback_url", reply.text


def test_the_request_is_pinned_to_the_checked_address() -> None:
    url, headers, extensions = pinned("https://hooks.example.com:8443/cb?x=1", "93.184.216.34")
    assert url == "https://93.184.216.34:8443/cb?x=1"
    assert headers == {"Host": "hooks.example.com:8443"} and extensions == {"sni_hostname": "hooks.example.com"}
    url, headers, extensions = pinned("http://hooks.example.com/cb", "2606:4700::1111")
    assert url == "http://[2606:4700::1111]/cb" and headers == {"Host": "hooks.example.com"} and extensions == {}
