"""The secrets `make run` generates on its first start, kept beside the database and readable by their owner only.

Every process of the install reads them back through `core.config.load_settings` (a value set in the environment
wins); `make run` also hands them to its three processes in their environment.
"""

from __future__ import annotations

import os
import secrets
from base64 import urlsafe_b64encode
from collections.abc import Callable
from pathlib import Path

from core.config import KEY_FILES, Settings, read_key_file

DEFAULT_DIR = Path("data") / "keys"  # when the database is not a SQLite file and ATS_DATA_DIR is unset
ENV_NAMES = {
    "cookie_key": "ATS_COOKIE_KEY",
    "encryption_key": "ATS_ENCRYPTION_KEY",
    "webhook_secret": "ATS_WEBHOOK_SECRET",
}
_MAKERS: dict[str, Callable[[], str]] = {
    "cookie_key": lambda: secrets.token_urlsafe(48),
    "encryption_key": lambda: urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii"),  # a Fernet key
    "webhook_secret": lambda: secrets.token_urlsafe(32),
}


def keys_dir(settings: Settings) -> Path:
    """Where `make run` keeps its keys."""
    return settings.keys_dir or DEFAULT_DIR


def _read_or_create(path: Path, make: Callable[[], str]) -> str:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never over an existing key
    except FileExistsError:
        return read_key_file(path)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(make() + "\n")
    return read_key_file(path)


def ensure_local_keys(settings: Settings) -> dict[str, str]:
    """Each secret the environment does not set, read from the keys folder or generated there: {setting: value}."""
    wanted = [name for name in KEY_FILES if not getattr(settings, name)]
    if not wanted:
        return {}
    folder = keys_dir(settings)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    read_key_file(folder)  # refuses a folder others can read or that someone else owns
    return {name: _read_or_create(folder / name, _MAKERS[name]) for name in wanted}


def child_environment(base: dict[str, str], keys: dict[str, str]) -> dict[str, str]:
    """The environment of `make run`'s children: the parent's plus the keys as their ATS_ variables."""
    return {**base, **{ENV_NAMES[name]: value for name, value in keys.items()}}
