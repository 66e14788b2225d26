"""POST/GET/DELETE /documents through the real HTTP app, over an index of its own, with a scripted model."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from index import build_index, load_index
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
from rag.settings import Settings
from tests.api.conftest import SlowGenerator, ready_client
from tests.conftest import ARTICLES
from tests.documents_fixtures import NEWS_PAGE, make_docx, make_pdf
from tests.fakes import HashingEncoder, ScriptedGenerator

pytestmark = pytest.mark.unit

# The first numbered sentence, under its article's title line (retrieval mode; corpus hints have no titles).
_EVIDENCE = re.compile(r"^\(.*\)\n\[(\d+)\] (.*)$", re.MULTILINE)
_WORDS = re.compile(r"[a-z]{5,}")


def grounded_reply(messages: Any) -> str:
    """A careful model: answers with the first evidence sentence that shares two long words with the question
    (verbatim, so it verifies), else says the sentences do not say. Says yes as a judge."""
    user = messages[-1]["content"]
    question = user.rsplit("Question:", 1)[-1]
    wanted = set(_WORDS.findall(question.lower()))
    for number, sentence in _EVIDENCE.findall(user):
        if len(wanted & set(_WORDS.findall(sentence.lower()))) >= 2:
            return f"Sentences: {number}\nAnswer: {sentence} [{number}]"
    return "Sentences: none\nAnswer: not found" if _EVIDENCE.search(user) else "yes"


FACT = "Quorvex Dynamics moved its headquarters to Tromso in 2031, the board said."
QUESTION = "Where did Quorvex Dynamics move its headquarters?"
# Before the upload no article names "Quorvex Dynamics", so QUESTION is refused before the model (premise_name); a
# test that needs the model busy with a question before the upload asks by the one word, which the premise check
# leaves to the search.
BY_ONE_WORD = "Where did Quorvex move its headquarters?"


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    root = tmp_path / "index"
    build_index(ARTICLES, root, HashingEncoder())
    return root


def _settings(index_dir: Path, **overrides: Any) -> Settings:
    return Settings(index_dir=index_dir, articles_dir=ARTICLES, judge=False, **overrides)


def _factory(generator: Any = None) -> Any:
    def make(settings: Settings) -> AnswerPipeline:
        return assemble_pipeline(
            settings, generator or ScriptedGenerator(grounded_reply), load_index(settings.index_dir), HashingEncoder()
        )

    return make


@pytest.fixture
def client(index_dir: Path) -> Iterator[TestClient]:
    with ready_client(create_app(_settings(index_dir), pipeline_factory=_factory())) as c:
        yield c


def _upload(client: TestClient, name: str, data: bytes, **form: str) -> Any:
    return client.post("/documents", files=[("files", (name, data, "application/octet-stream"))], data=form)


def test_upload_pdf_then_it_answers_with_a_citation_into_it(client: TestClient) -> None:
    before = client.post("/ask", json={"question": QUESTION}).json()
    assert not before["answerable"] and before["abstention"]["gate"] == "premise_name"
    pdf = make_pdf(["Quorvex annual report", FACT], title="Quorvex annual report")
    response = _upload(client, "report.pdf", pdf, source="Quorvex IR", date="2031-03-01")
    assert response.status_code == 201, response.text
    doc = response.json()["documents"][0]
    assert doc["created"] and doc["format"] == "pdf" and doc["title"] == "Quorvex annual report"
    assert doc["date"] == "2031-03-01" and doc["source"] == "Quorvex IR" and doc["chunks"] >= 1
    assert doc["filename"] == "report.pdf" and doc["size_bytes"] == len(pdf)
    answer = client.post("/ask", json={"question": QUESTION}).json()
    assert answer["answerable"], answer
    cited = [c for c in answer["citations"] if c["article_id"] == doc["document_id"]]
    assert cited and "Tromso" in cited[0]["quote"]
    assert cited[0]["date"] == "2031-03-01" and cited[0]["source"] == "Quorvex IR"  # shown with the citation
    text = client.get(f"/articles/{doc['document_id']}").json()["text"]
    assert text[cited[0]["start"] : cited[0]["end"]] == cited[0]["quote"]
    listed = client.get("/documents").json()
    assert listed["total"] == 1 and listed["documents"][0]["document_id"] == doc["document_id"]
    detail = client.get(f"/documents/{doc['document_id']}").json()
    assert FACT in detail["text"]


def test_docx_html_markdown_text_and_pasted_json(client: TestClient) -> None:
    files = [
        ("files", ("memo.docx", make_docx(["Quorvex memo: the Oslo office has 12 desks."], heading="Memo"), "x")),
        ("files", ("story.html", NEWS_PAGE.encode(), "text/html")),
        ("files", ("notes.md", b"# Notes\n\nQuorvex notes say the Bergen office opened in 2030.", "text/markdown")),
    ]
    response = client.post("/documents", files=files)
    assert response.status_code == 201, response.text
    docs = {d["format"]: d for d in response.json()["documents"]}
    assert set(docs) == {"docx", "html", "markdown"}
    assert docs["html"]["source"] == "The Example Times" and docs["html"]["date"] == "2025-06-14"
    pasted = client.post("/documents", json={"text": "Quorvex pasted: 7 drones.", "title": "Pasted", "source": "me"})
    assert pasted.status_code == 201 and pasted.json()["documents"][0]["format"] == "text"
    assert client.get("/documents").json()["total"] == 4


def test_duplicate_content_is_an_idempotent_200(client: TestClient) -> None:
    first = _upload(client, "a.txt", FACT.encode())
    second = _upload(client, "b.txt", FACT.encode())
    assert first.status_code == 201 and second.status_code == 200
    assert second.json()["documents"][0]["created"] is False
    assert second.json()["documents"][0]["document_id"] == first.json()["documents"][0]["document_id"]
    assert client.get("/documents").json()["total"] == 1


@pytest.mark.parametrize(
    ("name", "data", "status", "words"),
    [
        ("fake.pdf", b"this is not a pdf", 422, "fake.pdf: named PDF but its content is not a PDF"),
        ("tool.exe", b"MZ\x90\x00", 415, "tool.exe: unsupported type"),
        ("broken.pdf", b"%PDF-1.4\ngarbage", 422, "broken.pdf: not a readable PDF"),
        ("empty.txt", b"  \n ", 422, "empty.txt: no text left"),
        ("bin.txt", b"a\x00b", 422, "bin.txt: binary file"),
    ],
)
def test_bad_files_are_refused_naming_the_file(
    client: TestClient, name: str, data: bytes, status: int, words: str
) -> None:
    response = _upload(client, name, data)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]
    assert client.get("/documents").json()["total"] == 0


def test_one_bad_file_refuses_the_whole_upload(client: TestClient) -> None:
    files = [("files", ("good.txt", FACT.encode(), "text/plain")), ("files", ("bad.pdf", b"nope", "x"))]
    assert client.post("/documents", files=files).status_code == 422
    assert client.get("/documents").json()["total"] == 0


def test_over_the_upload_limit_is_413(index_dir: Path) -> None:
    settings = _settings(index_dir, max_upload_bytes=2048, max_upload_files=2)
    with ready_client(create_app(settings, pipeline_factory=_factory())) as c:
        one = _upload(c, "big.txt", b"word " * 1000)
        assert one.status_code == 413 and "big.txt" in one.json()["detail"]
        huge = _upload(c, "huge.txt", b"word " * 5000)  # past the whole body's limit: refused before parsing
        assert huge.status_code == 413
        assert c.get("/documents").json()["total"] == 0


def test_a_path_in_the_file_name_never_reaches_the_file_system(client: TestClient, tmp_path: Path) -> None:
    target = tmp_path / "escaped.txt"
    response = _upload(client, f"../../../../{target}", FACT.encode())
    assert response.status_code == 201
    assert response.json()["documents"][0]["filename"] == "escaped.txt"
    assert not target.exists()


def test_bad_metadata_and_bodies(client: TestClient) -> None:
    assert _upload(client, "a.txt", FACT.encode(), date="June 1st").status_code == 422
    assert client.post("/documents", json={"text": "  "}).status_code == 422
    assert client.post("/documents", json={"text": "x", "url": "http://example.com"}).status_code == 422
    assert client.post("/documents", content=b"raw", headers={"content-type": "text/plain"}).status_code == 415
    assert client.post("/documents", files=[("other", ("a.txt", b"x", "text/plain"))]).status_code == 422
    assert client.get("/documents/doc-0000000000000000").status_code == 404
    assert client.delete("/documents/doc-0000000000000000").status_code == 404
    assert client.delete("/documents/..%2F..%2Fetc").status_code in {404, 422}


def test_delete_really_deletes(client: TestClient, index_dir: Path) -> None:
    doc = _upload(client, "report.txt", f"Quorvex report\n\n{FACT}".encode()).json()["documents"][0]
    doc_id = doc["document_id"]
    assert client.post("/ask", json={"question": QUESTION}).json()["answerable"]
    articles = {a["article_id"] for a in client.get("/articles").json()["articles"]}
    assert doc_id in articles
    response = client.delete(f"/documents/{doc_id}")
    assert response.status_code == 200 and response.json() == {"document_id": doc_id, "deleted": True}
    # The question only it answered now abstains.
    assert not client.post("/ask", json={"question": QUESTION}).json()["answerable"]
    assert client.get("/documents").json()["total"] == 0
    assert doc_id not in {a["article_id"] for a in client.get("/articles").json()["articles"]}
    assert client.get(f"/articles/{doc_id}").status_code == 404
    assert client.get(f"/documents/{doc_id}").status_code == 404
    # Text, chunks, vectors and postings: nothing under the index directory holds the words any more.
    leftovers = [p for p in index_dir.rglob("*") if p.is_file() and b"Quorvex" in p.read_bytes()]
    assert leftovers == []
    live = load_index(index_dir)
    assert doc_id not in live.articles and all(c.article_id != doc_id for c in live.chunks)
    assert live.lexical.search("Quorvex Tromso", 5) == []
    assert client.delete(f"/documents/{doc_id}").status_code == 404


def test_writes_need_the_api_key(index_dir: Path) -> None:
    auth = {"Authorization": "Bearer k3y"}
    app = create_app(_settings(index_dir, api_key="k3y"), pipeline_factory=_factory())
    with ready_client(app, headers=auth) as c:
        wrong = {"Authorization": "Bearer nope"}
        files = [("files", ("a.txt", FACT.encode(), "text/plain"))]
        assert c.post("/documents", files=files, headers=wrong).status_code == 401
        assert c.post("/documents", json={"text": FACT}, headers=wrong).status_code == 401
        assert c.delete("/documents/doc-0000000000000000", headers=wrong).status_code == 401
        assert c.get("/documents").json()["total"] == 0
        assert c.post("/documents", files=files).status_code == 201


def test_uploads_are_off_when_the_service_does_not_serve_rag_index_dir(tmp_path: Path) -> None:
    root = tmp_path / "elsewhere"
    build_index(ARTICLES, root, HashingEncoder())
    index = load_index(root)
    settings = _settings(tmp_path / "index")  # RAG_INDEX_DIR is another directory than the one served

    def factory(s: Settings) -> AnswerPipeline:
        return assemble_pipeline(s, ScriptedGenerator(grounded_reply), index, HashingEncoder())

    with ready_client(create_app(settings, pipeline_factory=factory)) as c:
        response = _upload(c, "a.txt", FACT.encode())
        assert response.status_code == 409 and "RAG_INDEX_DIR" in response.json()["detail"]
        assert not (tmp_path / "index").exists()


def test_a_question_in_flight_keeps_the_old_generation(index_dir: Path) -> None:
    """The model is busy with a question when a document arrives: that question ends on the old collection,
    the upload returns once the switch happened, and the next question sees the new document."""
    gate = threading.Event()
    generator = SlowGenerator(grounded_reply, gate=gate)
    with ready_client(create_app(_settings(index_dir), pipeline_factory=_factory(generator))) as c:
        results: dict[str, Any] = {}

        def ask() -> None:
            results["first"] = c.post("/ask", json={"question": BY_ONE_WORD}).json()

        def upload() -> None:
            results["upload"] = _upload(c, "report.txt", f"Quorvex\n\n{FACT}".encode())

        asker = threading.Thread(target=ask)
        asker.start()
        assert generator.started.wait(10)  # the model is busy with the question (held at the gate)
        uploader = threading.Thread(target=upload)
        uploader.start()
        time.sleep(0.5)
        assert "upload" not in results  # waiting for the switch, which waits for the question in flight
        gate.set()
        asker.join(20)
        uploader.join(20)
        assert results["upload"].status_code == 201
        assert not results["first"]["answerable"]  # answered from the old generation
        assert c.post("/ask", json={"question": QUESTION}).json()["answerable"]


def test_the_service_follows_an_index_changed_by_another_process(client: TestClient, index_dir: Path) -> None:
    from index import DocumentRecord, add_document, extract_document

    article, _ = extract_document("cli.txt", f"Quorvex\n\n{FACT}".encode())
    record = DocumentRecord(
        document_id=article.article_id,
        title=article.title,
        filename="cli.txt",
        format="text",
        size_bytes=1,
        chars=1,
        n_chunks=0,
        added_at="2026-01-01T00:00:00Z",
        content_hash=article.content_hash,
    )
    add_document(index_dir, article, record, HashingEncoder())  # as `rag documents add` does
    assert client.post("/ask", json={"question": QUESTION}).json()["answerable"]
    assert client.get("/documents").json()["total"] == 1


def test_ask_filters_by_date_and_source(client: TestClient) -> None:
    alpha = "Quorvex Dynamics moved its headquarters to Tromso in 2031, the board said."
    beta = "Quorvex Dynamics moved its headquarters to Bergen in 2020, the board said."
    assert (
        client.post("/documents", json={"text": alpha, "date": "2031-01-05", "source": "Alpha News"}).status_code == 201
    )
    assert (
        client.post("/documents", json={"text": beta, "date": "2020-02-01", "source": "Beta Wire"}).status_code == 201
    )

    def cited(**filters: Any) -> list[str]:
        answer = client.post("/ask", json={"question": QUESTION, **filters}).json()
        return [c["quote"] for c in answer["citations"]] if answer["answerable"] else []

    assert cited(sources=["beta wire"]) == [beta]
    assert cited(sources=["Alpha News"]) == [alpha]
    assert cited(since="2030-01-01") == [alpha]
    assert cited(until="2021-01-01") == [beta]
    assert cited(since="2021-01-01", until="2029-12-31") == []  # nothing about Quorvex in that window
    assert cited(sources=["nobody"]) == []
    assert client.post("/ask", json={"question": QUESTION, "since": "last week"}).status_code == 422


def test_an_upload_behind_a_busy_model_says_so_and_still_lands(index_dir: Path) -> None:
    gate = threading.Event()
    generator = SlowGenerator(grounded_reply, gate=gate)
    settings = _settings(index_dir, request_timeout_s=1.0)
    with ready_client(create_app(settings, pipeline_factory=_factory(generator))) as c:
        asker = threading.Thread(target=lambda: c.post("/ask", json={"question": BY_ONE_WORD}))
        asker.start()
        assert generator.started.wait(10)
        response = _upload(c, "report.txt", f"Quorvex\n\n{FACT}".encode())
        assert response.status_code == 504 and "switches to it once" in response.json()["detail"]
        gate.set()  # the question ends (its client gave up at 1 s); then the queued switch runs
        asker.join(20)
        deadline = time.monotonic() + 10
        while c.get("/documents").json()["total"] != 1:
            assert time.monotonic() < deadline, "the switch never ran"
            time.sleep(0.05)
        assert c.post("/ask", json={"question": QUESTION}).json()["answerable"]
