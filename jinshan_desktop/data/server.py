"""A team fact book on a PostgreSQL server: connecting, what the reader is told of it, its errors as sentences.

Passwords follow libpq's own conventions (~/.pgpass, PGPASSWORD, a service file); one asked for in a dialog
is passed to the driver only, never into a URL that is shown, logged or remembered.
"""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url

CONNECT_TIMEOUT_SECONDS = 10
STATEMENT_TIMEOUT_MS = 30_000  # a read that takes longer is cancelled and said so, not waited for forever


def server_url(url: str) -> URL:
    """The URL with psycopg 3 as the driver (postgresql:// names psycopg2 in SQLAlchemy)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def shown_url(url: str | URL) -> str:
    """The URL as the reader may see it, in the status bar, the About box and logs: no password anywhere."""
    parsed = make_url(url) if isinstance(url, str) else url
    query = {key: value for key, value in parsed.query.items() if key != "password"}
    return parsed._replace(password=None).set(query=query).render_as_string(hide_password=False)


def server_engine(
    url: str | URL, password: str | None = None, read_only: bool = True, timeout_ms: int = STATEMENT_TIMEOUT_MS
) -> Engine:
    """A pooled engine that checks a connection before lending it, so a read after a dropped connection
    (a restarted server, a laptop that slept) reconnects instead of failing.

    read_only: a reader's session cannot write by accident (an import opens its transaction READ WRITE).
    timeout_ms: 0 for none (an administrator's publish of a million figures)."""
    parsed = server_url(url) if isinstance(url, str) else url
    options = f"-c statement_timeout={timeout_ms}" + (" -c default_transaction_read_only=on" if read_only else "")
    given = parsed.query.get("options")
    connect_args: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "application_name": "jinshan-desktop",
        # The URL's own options come last: libpq lets a later -c win, so a URL may set another timeout.
        "options": f"{options} {given if isinstance(given, str) else ' '.join(given or ())}".strip(),
    }
    if password is not None:
        connect_args["password"] = password
    return create_engine(
        parsed.difference_update_query(["options"]),
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
        connect_args=connect_args,
    )


TLS_MODES = ("prefer", "require", "verify-full", "disable")  # libpq's sslmode values a reader may choose


def team_url(host: str, port: int, database: str, user: str, tls_mode: str = "prefer") -> str:
    """The URL of a team database from the Open team database dialog's fields; never a password."""
    url = URL.create(
        "postgresql+psycopg",
        username=user or None,
        host=host or None,
        port=port,
        database=database,
        query={"sslmode": tls_mode} if tls_mode in TLS_MODES else {},
    )
    return url.render_as_string(hide_password=False)


def _where(url: str) -> str:
    parsed = make_url(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.host or 'localhost'}{port}"


def server_reason(url: str, error: BaseException) -> str:
    """A server's error as a sentence: what happened and what the reader can do about it."""
    original = getattr(error, "orig", error)
    text = str(original).strip()
    lowered = text.lower()
    parsed = make_url(url)
    user, database, where = parsed.username or "(your login name)", parsed.database or "", _where(url)
    if "password authentication failed" in lowered:
        return f"The server {where} refused the password of the database user {user}."
    if "no password supplied" in lowered:
        return f"The server {where} asks a password for the database user {user}."
    if "statement timeout" in lowered:
        return f"The server {where} took too long to answer; the read was cancelled. Try again, or narrow the filter."
    if "permission denied" in lowered:
        return f"The database user {user} may not read this in the team database {database} ({_first(text)})."
    if "does not exist" in lowered and "database" in lowered:
        return f"The team database {database} does not exist on the server {where}."
    if "role" in lowered and "does not exist" in lowered:
        return f"The server {where} has no database user {user}."
    if _is_lost_connection(lowered):
        return f"The connection to the team database on {where} was lost. Retry to connect again."
    if "connection refused" in lowered or "could not connect" in lowered or "timeout expired" in lowered:
        return f"The team database server {where} does not answer: it may be down, or the address may be wrong."
    if "ssl" in lowered:
        return f"A secure (TLS) connection to {where} could not be made ({_first(text)})."
    return f"The team database {shown_url(url)} cannot be read ({_first(text)})."


def _is_lost_connection(lowered: str) -> bool:
    return any(
        phrase in lowered
        for phrase in (
            "server closed the connection",
            "terminating connection",
            "connection is lost",
            "connection already closed",
            "consuming input failed",
            "the connection is closed",
            "server conn crashed",
        )
    )


def is_password_problem(error: BaseException) -> bool:
    lowered = str(getattr(error, "orig", error)).lower()
    return "password authentication failed" in lowered or "no password supplied" in lowered


def _first(text: str) -> str:
    return text.splitlines()[0] if text else "no detail"
