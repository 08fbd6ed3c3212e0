"""Texts at rest: Fernet encryption (MultiFernet, newest key first) when ATS_ENCRYPTION_KEY is set."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from core.errors import ConfigError

MARK = "enc1:"  # stored values that start with this are Fernet tokens; anything else is plaintext


def _plain_bytes(chars: int) -> int:
    """The most UTF-8 bytes whose stored token (MARK + base64 of 57 bytes of framing and the padded AES blocks) fits
    in `chars` characters."""
    blocks = 0
    while len(MARK) + 4 * -(-(57 + 16 * (blocks + 1)) // 3) <= chars:
        blocks += 1
    return max(0, 16 * blocks - 1)


class Cipher:
    """Encrypts and decrypts stored texts; a no-op pass-through when no key is configured."""

    def __init__(self, keys: str | None) -> None:
        parts = [k.strip() for k in (keys or "").split(",") if k.strip()]
        try:
            self._fernet = MultiFernet([Fernet(k.encode()) for k in parts]) if parts else None
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                "ATS_ENCRYPTION_KEY must be Fernet keys (comma-separated, newest first); "
                "make one with: python -c "
                "'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
            ) from exc

    @property
    def enabled(self) -> bool:
        """True when texts are encrypted on write."""
        return self._fernet is not None

    def encrypt(self, text: str | None) -> str | None:
        """The value to store for text."""
        if text is None or self._fernet is None:
            return text
        return MARK + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def encrypt_to_fit(self, text: str | None, chars: int) -> str | None:
        """The value to store for text in a column of `chars` characters: text cut at a character boundary so that
        the stored value (encrypted or not) fits."""
        if text is None:
            return None
        if self._fernet is None:
            return text[:chars]
        return self.encrypt(text.encode("utf-8")[: _plain_bytes(chars)].decode("utf-8", errors="ignore"))

    def decrypt(self, stored: str | None) -> str | None:
        """The text of a stored value (plaintext values pass through)."""
        if stored is None or not stored.startswith(MARK):
            return stored
        if self._fernet is None:
            raise ConfigError("stored texts are encrypted but ATS_ENCRYPTION_KEY is not set")
        try:
            return self._fernet.decrypt(stored[len(MARK) :].encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ConfigError("no key in ATS_ENCRYPTION_KEY decrypts the stored texts (was a key dropped?)") from exc

    def rotate(self, stored: str | None, chars: int | None = None) -> str | None:
        """Re-encrypt a stored value under the newest key (plaintext gets encrypted, cut to fit `chars` if given)."""
        if stored is None or self._fernet is None:
            return stored
        if not stored.startswith(MARK):
            return self.encrypt(stored) if chars is None else self.encrypt_to_fit(stored, chars)
        token = self._fernet.rotate(stored[len(MARK) :].encode("ascii"))
        return MARK + token.decode("ascii")
