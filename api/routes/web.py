"""The web page at ``/``: plain HTML, CSS and JS from ``api/static``, no build step, nothing from a CDN."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

# Only our own files may load or run; article text and answers are inserted as text, never as markup.
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@router.get("/")
async def index() -> FileResponse:
    """The page holds no data; its requests to the API carry the key when the server has one."""
    return FileResponse(STATIC_DIR / "index.html", headers=_SECURITY_HEADERS)
