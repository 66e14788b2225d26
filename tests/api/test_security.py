"""The optional API key, CORS, and an article that tries to give the model instructions."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from rag.settings import Settings
from tests.api.conftest import QUESTION, PipelineMaker, ready_client

pytestmark = pytest.mark.unit

KEY = "s3cret-key-for-tests"
PROTECTED = [
    ("GET", "/readyz"),
    ("GET", "/articles"),
    ("GET", "/articles/000_2525434c86abfa7a"),
    ("GET", "/metrics"),
    ("GET", "/docs"),
    ("GET", "/openapi.json"),
    ("POST", "/ask"),
    ("POST", "/ask/stream"),
]


@pytest.fixture
def keyed(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> Iterator[TestClient]:
    settings = fake_settings(api_key=KEY)
    pipeline = make_pipeline(settings)
    with TestClient(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        client.headers["Authorization"] = f"Bearer {KEY}"
        ready_check = client.get("/readyz")
        while ready_check.status_code != 200:
            ready_check = client.get("/readyz")
        del client.headers["Authorization"]
        yield client


@pytest.mark.parametrize(("method", "path"), PROTECTED)
@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer wrong-key",
        f"Basic {KEY}",
        f"Bearer {KEY}x",
        f"Bearer {KEY[:-1]}",
        "Bearer ",
        "Bearer ключ".encode(),
    ],
)
def test_with_a_key_every_endpoint_but_healthz_needs_it(
    keyed: TestClient, method: str, path: str, authorization: str | bytes | None
) -> None:
    headers: dict[str, str | bytes] = {"Authorization": authorization} if authorization else {}
    response = keyed.request(method, path, headers=headers, json={"question": QUESTION})  # type: ignore[arg-type]
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "API key" in response.json()["detail"]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_the_right_key_opens_them(keyed: TestClient, method: str, path: str) -> None:
    response = keyed.request(method, path, headers={"Authorization": f"Bearer {KEY}"}, json={"question": QUESTION})
    assert response.status_code == 200


def test_the_schema_documents_the_key(keyed: TestClient) -> None:
    schema = keyed.get("/openapi.json", headers={"Authorization": f"Bearer {KEY}"}).json()
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert schema["paths"]["/ask"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "401" in schema["paths"]["/ask"]["post"]["responses"]
    assert "security" not in schema["paths"]["/healthz"]["get"]


def test_healthz_and_the_page_shell_need_no_key(keyed: TestClient) -> None:
    assert keyed.get("/healthz").status_code == 200
    # The page and its files hold no data; the page sends the key with its API calls.
    assert keyed.get("/").status_code == 200
    assert keyed.get("/static/app.js").status_code == 200


def test_without_a_key_configured_nothing_is_asked(client: TestClient) -> None:
    assert client.get("/articles").status_code == 200
    assert client.post("/ask", json={"question": QUESTION}).status_code == 200


def test_cors_is_closed_by_default(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    response = client.get("/articles", headers=origin)
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/ask",
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_opens_to_configured_origins_only(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    settings = fake_settings(cors_origins=["https://reader.example"])
    pipeline = make_pipeline(settings)
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        allowed = client.get("/articles", headers={"Origin": "https://reader.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://reader.example"
        preflight = client.options(
            "/ask",
            headers={
                "Origin": "https://reader.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://reader.example"
        other = client.get("/articles", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
