"""Every event the audit log must hold (login, failed login, key creation/revocation, role change, limit change,
export, purge) is written by the service the web app and the API call, with actor and time (and address for logins)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from db.migrate import upgrade
from db.session import session_scope
from services import api_keys, audit, jobs, results, retention, usage, users
from services.intake import PairIn

RESUME = "Jane Roe\nExperience\n- Built Kubernetes clusters for payment teams\n- Led a migration to Terraform modules\n"
JD = "Platform engineer. Requirements: Kubernetes, Terraform, AWS."


def test_each_audited_event_is_recorded(make_settings) -> None:
    settings = make_settings(bcrypt_rounds=4)
    upgrade(settings)
    with session_scope(settings) as s:
        users.create_user(s, username="boss", role="admin", password="boss-password-1")
        users.create_user(s, username="rita", role="recruiter", password="rita-password-1")
    with session_scope(settings) as s:
        admin = users.principal_for(s, username="boss")
        assert users.authenticate(s, username="rita", password="rita-password-1", address="203.0.113.5")
        assert users.authenticate(s, username="rita", password="wrong-password", address="203.0.113.9") is None
        info, _ = api_keys.create_api_key(s, username="rita", name="crm", actor=admin)
        api_keys.revoke_api_key(s, actor=admin, key_id=info["id"])
        with audit.acting_from("198.51.100.7"):  # what the web app and the API bind around each request
            users.set_role(s, actor=admin, username="rita", role="manager")
            usage.set_daily_limit(s, actor=admin, scope="global", value=12.5)
    with session_scope(settings) as s:
        rita = users.principal_for(s, username="rita")
        job = jobs.submit_job(s, principal=rita, pairs=[PairIn(resume=RESUME, jd=JD, ref="c1")])
    with session_scope(settings) as s:
        results.export_accepted(s, principal=rita, job_id=job["job_id"], fmt="csv")
        results.results_csv(s, principal=rita, job_id=job["job_id"])
        retention.purge(s, older_than=timedelta(days=30), actor=users.principal_for(s, username="boss"))
    with session_scope(settings) as s:
        rows = audit.list_audit(s)

    by_action: dict[str, list[dict]] = {}
    for row in rows:
        by_action.setdefault(row["action"], []).append(row)
    expected = {
        "login": "rita",
        "login.failed": "rita",
        "api_key.create": "boss",
        "api_key.revoke": "boss",
        "user.role": "boss",
        "limit.set": "boss",
        "export": "rita",
        "purge": "boss",
    }
    for action, actor in expected.items():
        assert action in by_action, f"no audit row for {action}"
        row = by_action[action][0]
        assert row["actor"] == actor, (action, row)
        at = row["at"] if row["at"].tzinfo else row["at"].replace(tzinfo=UTC)
        assert abs(datetime.now(UTC) - at) < timedelta(minutes=5)
    assert by_action["login"][0]["address"] == "203.0.113.5"
    assert by_action["login.failed"][0]["address"] == "203.0.113.9"
    assert by_action["user.role"][0]["address"] == "198.51.100.7"
    assert by_action["limit.set"][0]["address"] == "198.51.100.7"
    assert by_action["api_key.create"][0]["address"] is None  # bound only inside the block
    assert len(by_action["export"]) == 2  # the accepted-rewrites export and the results CSV
    # The audit rows never hold resume or JD text.
    assert not any("Kubernetes" in str(r) for r in rows)
