"""The project's exception hierarchy; converted to user-facing errors only at the edges."""


class AtsError(Exception):
    """Base class for every error the project raises on purpose."""


class InputError(AtsError):
    """The user's input cannot be processed; the message says what to fix."""


class DocumentError(InputError):
    """A file cannot be read as a resume or JD; `.reason` is a short code (encrypted, javascript, ocr_unavailable…)."""

    def __init__(self, message: str, *, reason: str = "unreadable"):
        super().__init__(message)
        self.reason = reason


class ConfigError(AtsError):
    """A setting is missing or invalid; the message names the variable to set."""


class ProviderError(AtsError):
    """A model provider failed after its retries (or its circuit is open)."""


class ReplyFormatError(ProviderError):
    """A model's reply did not match the expected schema."""


class CircuitOpenError(ProviderError):
    """The provider's circuit breaker is open; calls are refused until it half-opens."""


class DailyLimitReached(AtsError):
    """A daily cost limit would be passed by the next call."""

    def __init__(self, message: str, *, scope: str = "global", limit_usd: float = 0.0, spent_usd: float = 0.0):
        super().__init__(message)
        self.scope = scope
        self.limit_usd = limit_usd
        self.spent_usd = spent_usd


class SignInPaused(AtsError):
    """Too many failed sign-ins for this name or from this address: no password is checked until the lock ends."""

    def __init__(self, retry_after_s: int):
        super().__init__(f"too many failed sign-ins; try again in {retry_after_s} s")
        self.retry_after_s = retry_after_s


class NotFound(AtsError):
    """The requested object does not exist or is not visible to the caller."""


class Conflict(AtsError):
    """The request conflicts with the stored state (idempotency key reuse, stale update)."""


class PermissionDenied(AtsError):
    """The caller is authenticated but may not do this."""


class InvalidRows(InputError):
    """Some rows of a batch are invalid; `.rows` lists every one ({"row", "ref", "error"}) to fix all at once."""

    def __init__(self, rows: list[dict]):
        first = rows[0] if rows else {"row": "?", "error": "invalid input"}
        more = f" (and {len(rows) - 1} more rows)" if len(rows) > 1 else ""
        super().__init__(f"row {first['row']}: {first['error']}{more}")
        self.rows = rows
