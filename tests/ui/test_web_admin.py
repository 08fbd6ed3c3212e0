"""Admin and Account pages: users, keys shown once, limits, audit log; change password."""

from __future__ import annotations

from sqlalchemy import select

from db.models import ApiKey, DailyLimit, User
from db.session import session_scope
from tests.ui.conftest import PASSWORDS, new_app, page_titles, sign_in


def _admin_page():
    at = sign_in(new_app(), "admin")
    return at.switch_page("../pages/admin.py").run()


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
    people = at.dataframe[0].value
    assert list(people.columns) == ["user", "role", "team", "email", "status", "created"]
    nina = people.set_index("user").loc["nina"]
    assert nina["role"] == "Manager" and nina["status"] == "active" and nina["email"] == "—"
    assert nina["created"].endswith(" UTC")


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
    keys = at.dataframe[1].value
    assert {"key starts with", "user", "revoked", "last used", "status"} <= set(keys.columns)
    assert "id" not in keys.columns and keys.loc[0, "last used"] == "—" and keys.loc[0, "status"] == "revoked"
    assert "None" not in keys.to_string() and "NaT" not in keys.to_string()


def test_limits_and_audit_log(web_settings) -> None:
    sign_in(new_app(), "rita", "bad-password")  # a failed login lands in the audit log
    at = _admin_page()
    at.selectbox(key="limit_scope").set_value("user:rita")
    at.number_input(key="limit_value").set_value(2.5)
    at.form_submit_button[2].click().run()
    assert not at.exception
    with session_scope(web_settings) as s:
        assert s.get(DailyLimit, "user:rita").limit_usd == 2.5
    at.selectbox(key="audit_action").set_value("login.failed").run()
    log = next(d.value for d in at.dataframe if "action" in d.value.columns)
    assert list(log["actor"]) == ["rita"] and set(log["action"]) == {"sign-in failed"}  # words, not login.failed
    at.selectbox(key="audit_action").set_value("").run()
    log = next(d.value for d in at.dataframe if "action" in d.value.columns)
    assert "created a user" in set(log["action"]) and "set a daily limit" in set(log["action"])
    shown = " ".join(str(v) for v in log.to_numpy().ravel())
    assert "role: Recruiter; team: blue" in shown  # a detail in words
    for raw in ("None", "{", "user.create", "limit.set", "created_at"):
        assert raw not in shown


def test_bad_input_shows_error_not_traceback(web_settings) -> None:
    at = _admin_page()
    at.text_input(key="new_username").input("x")  # too short
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert any("username" in e.value and "Correct it and try again" in e.value for e in at.error)


def test_account_change_password(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    at.switch_page("../pages/account.py").run()
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
    assert "Account" in page_titles(at)  # this tab stays signed in, on a new session
    again = sign_in(new_app(), "rita", "new-password-42")
    assert "Submit" in page_titles(again)


def test_admin_signs_a_user_out_everywhere(web_settings) -> None:
    rita = sign_in(new_app(), "rita")
    assert "Submit" in page_titles(rita)
    at = sign_in(new_app(), "admin")
    at.switch_page("../pages/admin.py").run()
    at.selectbox(key="edit_user").select("rita").run()
    at.button(key="revoke_sessions").click().run()
    assert not at.exception
    assert any("1 sign-in(s) ended" in s.value for s in at.success)
    rita.run()
    assert "Submit" not in page_titles(rita) and any("Your session has ended" in i.value for i in rita.info)


def test_account_sign_out_everywhere(web_settings) -> None:
    first = sign_in(new_app(), "rita")
    at = sign_in(new_app(), "rita")
    at.switch_page("../pages/account.py").run()
    assert len(at.dataframe[0].value) == 2  # two browsers signed in
    at.button(key="sign_out_everywhere").click().run()
    assert any("Signed out" in i.value for i in at.info)
    first.run()
    assert "Submit" not in page_titles(first)
