"""Finding 1: no default secret anywhere. The sign-in key, the encryption key and the webhook secret are never
built in; `make run` generates them once into the data folder (owner-only), other modes refuse to start."""

from __future__ import annotations

import os
import stat

import pytest

from cli.local_keys import child_environment, ensure_local_keys, keys_dir
from core.config import Settings, load_settings
from core.errors import ConfigError
from tests.security.conftest import manage

FORMER_DEFAULT = "dev-only-cookie-key-change-me"  # what core/config.py used to sign every sign-in cookie with


def test_settings_hold_no_secret_by_default(make_settings) -> None:
    settings = make_settings()
    assert settings.cookie_key is None and settings.webhook_secret is None and settings.encryption_key is None
    assert not any(isinstance(f.default, str) and "key" in name for name, f in Settings.model_fields.items()
                   if name.endswith(("_key", "_secret")))  # fmt: skip
    with pytest.raises(ConfigError, match="ATS_COOKIE_KEY is not set"):
        settings.require_cookie_key()


@pytest.mark.parametrize("value", [FORMER_DEFAULT, "change-me-random-cookie-key", "short-key"])
def test_placeholder_or_short_cookie_keys_are_refused(make_settings, value) -> None:
    with pytest.raises(ConfigError, match="cookie_key"):
        make_settings(cookie_key=value)


def test_web_app_refuses_to_start_without_a_cookie_key(web_settings, monkeypatch) -> None:
    from core.config import get_settings
    from tests.ui.conftest import new_app

    monkeypatch.delenv("ATS_COOKIE_KEY")
    get_settings.cache_clear()
    at = new_app().run()
    assert not at.exception
    assert any("cannot start" in e.value and "ATS_COOKIE_KEY" in e.value for e in at.error)
    assert not at.text_input  # no sign-in form, so no cookie can be checked against a guessable key


def test_manage_web_refuses_without_a_cookie_key(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATS_")}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "ATS_DATA_DIR": str(tmp_path)})
    done = manage(env, "web")
    assert done.returncode == 2
    assert "ATS_COOKIE_KEY is not set" in done.stderr and "Traceback" not in done.stderr


def test_make_run_generates_owner_only_keys_once_and_hands_them_to_its_processes(make_settings) -> None:
    settings = make_settings()
    keys = ensure_local_keys(settings)
    assert set(keys) == {"cookie_key", "encryption_key", "webhook_secret"}
    folder = keys_dir(settings)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name, value in keys.items():
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
        assert (folder / name).read_text().strip() == value
    assert len(keys["cookie_key"]) >= 32 and keys["cookie_key"] != keys["webhook_secret"]
    reread = load_settings(database_url=settings.database_url)  # any command of this install finds them
    assert {name: getattr(reread, name) for name in keys} == keys
    assert ensure_local_keys(settings) == keys  # the second start reuses them (sessions and stored texts survive)
    env = child_environment({"PATH": "/bin"}, keys)
    assert env["ATS_COOKIE_KEY"] == keys["cookie_key"] and env["ATS_ENCRYPTION_KEY"] == keys["encryption_key"]
    assert env["ATS_WEBHOOK_SECRET"] == keys["webhook_secret"]
    given = make_settings(cookie_key="k" * 40)
    assert "cookie_key" not in ensure_local_keys(given)  # a key set in the environment wins; nothing is written


def test_key_files_readable_by_others_are_refused(make_settings) -> None:
    settings = make_settings()
    ensure_local_keys(settings)
    (keys_dir(settings) / "cookie_key").chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        ensure_local_keys(settings)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_settings(database_url=settings.database_url)


def test_webhook_secret_is_its_own_setting_never_derived_from_the_cookie_key(make_settings) -> None:
    from services.webhooks import webhook_secret

    with pytest.raises(ConfigError, match="ATS_WEBHOOK_SECRET"):
        webhook_secret(make_settings(cookie_key="c" * 40))
    assert webhook_secret(make_settings(cookie_key="c" * 40, webhook_secret="w" * 20)) == "w" * 20


def test_the_running_app_generated_its_keys_into_the_data_folder(secure_app) -> None:
    folder = secure_app["home"] / "data" / "keys"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == ["cookie_key", "encryption_key", "webhook_secret"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    assert "ATS_COOKIE_KEY" not in secure_app["env"]
