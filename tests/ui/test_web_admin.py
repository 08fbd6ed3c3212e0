"""Admin and Account pages: users, keys shown once, limits, audit log; change password."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import ApiKey, DailyLimit, User
from db.session import session_scope
from tests.ui.conftest import PASSWORDS, new_app, sign_in


def _admin_page():
    at = sign_in(new_app(), "admin")
    return at.switch_page("../../pages/admin.py").run()


def test_create_user_shows_password_once(web_settings) -> None:
    at = _admin_page()
    assert not at.exception
    at.text_input(key="new_username").input("nina")
    at.selectbox(key="new_role").set_value("manager")
    at.text_input(key="new_team").input("green")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert any("shown only this once" in s.value for s in at.success)
    password = at.code[0].value
    assert len(password) >= 12
    with session_scope(web_settings) as s:
        user = s.scalar(select(User).where(User.username == "nina"))
        assert user.role == "manager" and user.team == "green"
    at.run()
    assert not at.code  # gone on the next run


def test_change_role_disable_and_api_keys(web_settings) -> None:
    at = _admin_page()
    at.selectbox(key="edit_user").set_value("rita").run()
    at.selectbox(key="edit_role").set_value("manager")
    at.button(key="save_user").click().run()
    at.button(key="toggle_user").click().run()
    with session_scope(web_settings) as s:
        rita = s.scalar(select(User).where(User.username == "rita"))
        assert rita.role == "manager" and rita.disabled
    at.selectbox(key="key_owner").set_value("mona")
    at.text_input(key="key_name").input("ats-sync")
    at.form_submit_button[1].click().run()
    assert not at.exception
    key = at.code[0].value
    assert key.startswith("ats_")
    with session_scope(web_settings) as s:
        row = s.scalar(select(ApiKey))
        assert key.startswith(row.prefix) and row.key_hash != key
    at.button(key="revoke_key").click().run()
    with session_scope(web_settings) as s:
        assert s.scalar(select(ApiKey)).revoked_at is not None


def test_limits_and_audit_log(web_settings) -> None:
    sign_in(new_app(), "rita", "bad-password")  # a failed login lands in the audit log
    at = _admin_page()
    at.selectbox(key="limit_scope").set_value("user:rita")
    at.number_input(key="limit_value").set_value(2.5)
    at.form_submit_button[2].click().run()
    assert not at.exception
    with session_scope(web_settings) as s:
        assert s.get(DailyLimit, "user:rita").limit_usd == 2.5
    at.text_input(key="audit_action").input("login.failed").run()
    log = next(d.value for d in at.dataframe if "action" in d.value.columns)
    assert list(log["actor"]) == ["rita"] and set(log["action"]) == {"login.failed"}


def test_bad_input_shows_error_not_traceback(web_settings) -> None:
    at = _admin_page()
    at.text_input(key="new_username").input("x")  # too short
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert any("username" in e.value and "Correct it and try again" in e.value for e in at.error)


def test_account_change_password(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    at.switch_page("../../pages/account.py").run()
    at.text_input(key="pw_old").input("wrong-one")
    at.text_input(key="pw_new").input("new-password-42")
    at.text_input(key="pw_again").input("new-password-42")
    at.form_submit_button[0].click().run()
    assert any("current password is wrong" in e.value.lower() for e in at.error)
    at.text_input(key="pw_old").input(PASSWORDS["rita"])
    at.text_input(key="pw_new").input("new-password-42")
    at.text_input(key="pw_again").input("new-password-42")
    at.form_submit_button[0].click().run()
    assert any("Password changed" in s.value for s in at.success)
    again = sign_in(new_app(), "rita", "new-password-42")
    assert again.session_state["authentication_status"] is True


def test_dashboard_for_manager(web_settings, run_queue) -> None:
    from tests.ui.conftest import ROOT, submit_pairs

    resume, jd = (ROOT / "samples" / "resume.txt").read_text(), (ROOT / "samples" / "jd.txt").read_text()
    submit_pairs(web_settings, "rita", [("a", resume, jd), ("b", resume, jd)])
    run_queue()
    at = sign_in(new_app(), "mona")
    at.switch_page("../../pages/dashboard.py").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Items finished"] == "2"
    assert metrics["JD cache hit rate"] == "50%"  # one extraction, then the cache
    charts = at.get("plotly_chart")
    assert len(charts) == 6
    cost_traces = json.loads(charts[0].proto.spec)["data"]
    assert [t["name"] for t in cost_traces] == ["offline / offline-rules-v1"]  # cost split by provider / model
