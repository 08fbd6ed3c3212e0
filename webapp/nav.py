"""Which pages exist and which roles may open them (pure data; app.py builds st.navigation from it)."""

from __future__ import annotations

from dataclasses import dataclass

RECRUITER, MANAGER, ADMIN = "recruiter", "manager", "admin"
EVERYONE = (RECRUITER, MANAGER, ADMIN)


@dataclass(frozen=True)
class PageSpec:
    """One page: its file under pages/, title, URL path, icon and the roles that may open it."""

    file: str
    title: str
    url_path: str
    icon: str
    roles: tuple[str, ...]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/submit.py", "Submit", "submit", ":material/upload_file:", EVERYONE),
    PageSpec("pages/jobs.py", "Jobs", "jobs", ":material/list_alt:", EVERYONE),
    PageSpec("pages/review.py", "Review", "review", ":material/rate_review:", EVERYONE),
    PageSpec("pages/dashboard.py", "Dashboard", "dashboard", ":material/monitoring:", (MANAGER, ADMIN)),
    PageSpec("pages/admin.py", "Admin", "admin", ":material/admin_panel_settings:", (ADMIN,)),
    PageSpec("pages/account.py", "Account", "account", ":material/person:", EVERYONE),
)
LOGIN = PageSpec("pages/login.py", "Sign in", "login", ":material/login:", ())


def pages_for(role: str | None) -> list[PageSpec]:
    """The pages a role may open, in menu order (none for an unknown role)."""
    return [p for p in PAGES if role in p.roles]


def refusal(spec: PageSpec) -> str:
    """What a user whose role may not open a page reads there."""
    names = {RECRUITER: "recruiters", MANAGER: "managers", ADMIN: "admins"}
    who = " and ".join(names[r] for r in spec.roles)
    return f"This page is for {who} only. Ask an admin if your role should change."
