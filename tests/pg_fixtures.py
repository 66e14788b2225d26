"""A real PostgreSQL 16 with pgvector for the tests (the ``pgserver`` wheel), started once per session.

Each test gets its own database on it (``pg_url``); fault tests stop and start the server (``pg_server``).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest


class PgServer:
    """The session's server: URLs of fresh databases, and stop/start to play an outage."""

    def __init__(self, pgdata: Path):
        import pgserver

        self._pgserver = pgserver
        self.server = pgserver.get_server(pgdata, cleanup_mode="stop")

    def url(self, database: str = "postgres") -> str:
        parts = urlsplit(self.server.get_uri())
        return urlunsplit(parts._replace(path=f"/{database}"))

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def stop(self) -> None:
        # pg_ctl and friends are attributes pgserver generates at import: no stubs know them.
        pg_ctl = self._pgserver.pg_ctl  # type: ignore[attr-defined]
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.server.pgdata, user=self.server.system_user)

    def start(self) -> None:
        self.server.ensure_postgres_running()

    def close(self) -> None:
        self.server.cleanup()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    # Not under pytest's tmp_path: as root, pgserver runs PostgreSQL as its own user, who cannot enter
    # pytest's private (0700) directories.
    pgdata = Path(tempfile.mkdtemp(prefix="newsrag-pg-"))
    server = PgServer(pgdata)
    try:
        yield server
    finally:
        server.close()
        shutil.rmtree(pgdata, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f"CREATE DATABASE {name}")
    yield pg_server.url(name)
    pg_server.start()  # a fault test may have left it stopped
    pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
