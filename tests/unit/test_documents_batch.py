"""core.documents.batch: several files and ZIPs of them, each read or refused on its own."""

from __future__ import annotations

import io
import zipfile

import pytest

from core.documents import DocumentError, DocumentLimits
from core.documents.batch import read_batch


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


RESUME = b"Ana Lima\n\nEXPERIENCE\n- Built the billing API in Python\n"


def test_files_and_zip_members_are_read_in_order_and_bad_ones_refused_alone() -> None:
    bundle = _zip({"a/one.txt": RESUME, "__MACOSX/._one.txt": b"junk", "two.md": RESUME, "empty.txt": b"  "})
    got = read_batch([("first.txt", RESUME), ("batch.zip", bundle)], DocumentLimits(), max_files=10)
    assert [r.name for r in got] == ["first.txt", "a/one.txt", "two.md", "empty.txt"]
    assert [r.document is not None for r in got] == [True, True, True, False]
    assert got[3].reason == "empty" and got[3].error == "the file has no text"


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"cv.txt": RESUME, "inner.zip": b"PK"}, "unsupported"),
        ({"cv.exe": b"MZ"}, "unsupported"),
        ({f"cv{n}.txt": RESUME for n in range(6)}, "too_many_files"),
        ({"bomb.txt": b"a" * 60_000_000}, "zip_bomb"),
    ],
)
def test_a_bad_zip_refuses_the_batch_with_its_reason(members: dict[str, bytes], reason: str) -> None:
    with pytest.raises(DocumentError) as err:
        read_batch([("resumes.zip", _zip(members))], DocumentLimits(), max_files=5)
    assert err.value.reason == reason
