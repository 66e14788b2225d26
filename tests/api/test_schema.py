"""Property-based checks against the app's own OpenAPI schema (schemathesis), with a scripted model.

Every operation gets generated valid and invalid requests; no response may be a 5xx, and every response
must match what the schema documents (status code, content type, headers, body). The app has an API key,
so the checks also cover requests without it or with a wrong one.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi

from api.app import create_app
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
from rag.settings import Settings
from tests.api.conftest import FakeCorpus, faithful_reply, wait_ready
from tests.conftest import ARTICLES
from tests.fakes import HashingEncoder, ScriptedGenerator

pytestmark = pytest.mark.unit

KEY = "schema-test-key"
_corpus: list[FakeCorpus] = []  # filled by the fixture before the app's lifespan loads the pipeline


def _pipeline(settings: Settings) -> AnswerPipeline:
    corpus = _corpus[0]
    return assemble_pipeline(settings, ScriptedGenerator(faithful_reply), corpus.index, HashingEncoder())


# Building the app starts nothing: its lifespan (first request) loads the pipeline.
app = create_app(Settings(articles_dir=ARTICLES, judge=False, api_key=SecretStr(KEY)), pipeline_factory=_pipeline)
# A request whose body passes RAG_MAX_BODY_BYTES is refused with the documented 413, valid or not. A chat
# completion the schema allows can still be a documented 400: its last message must be the user's question.
config = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, "5xx"]
            },
            "positive_data_acceptance": {"expected-statuses": ["2xx", 400, 401, 403, 404, 409, 413, 429, "5xx"]},
        }
    }
)
schema = schemathesis.openapi.from_dict(app.openapi(), config=config)
schema.app = app  # every request, schemathesis' own probes included, goes to the app in process


@schema.auth()
class BearerKey:
    """The right key for the cases meant to be valid; schemathesis also tries none and wrong ones."""

    def get(self, case: schemathesis.Case, context: Any) -> str:
        return KEY

    def set(self, case: schemathesis.Case, data: str, context: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}  # type: ignore[assignment,dict-item]


@pytest.fixture(scope="module")
def ready_app(fake_corpus: FakeCorpus) -> FastAPI:
    _corpus[:] = [fake_corpus]
    with asgi.get_client(app) as client:  # type: ignore[arg-type]  # starts the lifespan; wait until the pipeline is in place
        client.headers["Authorization"] = f"Bearer {KEY}"
        wait_ready(client)
    return app


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@schema.parametrize()
def test_the_api_matches_its_schema(case: schemathesis.Case, ready_app: FastAPI) -> None:
    case.call_and_validate()
