"""How a door (API, web app, CLI) opens a unit of work: an engine for its settings and a session that carries those
settings and the text cipher on `Session.info`, so the services below never look either up in the environment."""

from __future__ import annotations

from db.session import make_server_engine, runtime_of, session_scope

__all__ = ["make_server_engine", "runtime_of", "session_scope"]
