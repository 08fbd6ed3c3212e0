"""Settings and the cipher reach services on the session (Session.info, set by session_scope), never from the
environment: an engine made without settings is an error, not a silent fallback."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from core.errors import ConfigError
from db.session import RUNTIME_KEY, bind_settings, make_engine, runtime_of, session_scope


def test_sessions_carry_their_engines_settings_and_cipher(make_settings) -> None:
    key = Fernet.generate_key().decode()
    settings = make_settings(encryption_key=key)
    engine = make_engine(settings)
    try:
        with session_scope(engine) as s:
            rt = s.info[RUNTIME_KEY]
            assert rt is runtime_of(s) and rt.settings is settings
            assert rt.cipher.decrypt(rt.cipher.encrypt("text")) == "text" and rt.cipher.encrypt("text") != "text"
    finally:
        engine.dispose()


def test_no_environment_fallback(make_settings, monkeypatch, tmp_path) -> None:
    settings = make_settings()  # made before the environment gets a key
    monkeypatch.setenv("ATS_ENCRYPTION_KEY", Fernet.generate_key().decode())
    bare = create_engine(f"sqlite:///{tmp_path / 'bare.db'}")
    try:
        with pytest.raises(ConfigError, match="carries no settings"):
            runtime_of(bare)
        with Session(bare) as s, pytest.raises(ConfigError):
            runtime_of(s)
        assert bind_settings(bare, settings).settings is settings
        assert runtime_of(bare).settings.encryption_key is None  # the settings given, not the environment's key
    finally:
        bare.dispose()
