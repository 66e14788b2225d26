"""Documents in and out of the running service: upload (files or pasted text), list, read, delete.

A write extracts every file first (one bad file: a 4xx naming it, and nothing is added), then adds each to the
index as a new generation, then waits until the model thread has switched to it between two questions: when
the response comes, questions are answered from the changed collection. Writes run off the event loop.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from api.deps import ApiKeyDep, PipelineDep, ServiceDep, SettingsDep
from api.document_schemas import (
    DocumentDeleted,
    DocumentDetail,
    DocumentInfo,
    DocumentList,
    TextDocumentRequest,
    UploadResponse,
    UploadResult,
)
from api.errors import DocumentNotFoundError, UploadsDisabledError, error_responses
from api.service import AnswerService
from index import DocumentChange, DocumentTooLargeError, StoreIndex, UnsupportedFormatError
from index.extract import safe_name
from rag import documents as library
from rag.settings import Settings

router = APIRouter(tags=["documents"], dependencies=[ApiKeyDep], responses=error_responses(401, 503))

_ID = Path(max_length=64, pattern=r"^[A-Za-z0-9_.#-]+$", description="as in GET /documents")

_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "title": {"type": "string", "description": "only with one file"},
                        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                        "source": {"type": "string", "description": "outlet or site"},
                    },
                }
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/TextDocumentRequest"}},
        },
    }
}


def _following(service: AnswerService, settings: Settings) -> None:
    """Writes go to RAG_INDEX_DIR; a service answering from an index made elsewhere would never see them."""
    pipeline = service.pipeline()
    index = pipeline.index
    if isinstance(index, StoreIndex):
        return  # the shared database it answers from is the one written to
    if not index.generation or index.path.resolve() != settings.index_dir.resolve():
        raise UploadsDisabledError(
            "document uploads are off: this service answers from an index other than RAG_INDEX_DIR's"
        )


async def _uploads(request: Request, settings: Settings) -> list[library.Upload]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            body = TextDocumentRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)]
            ) from None
        return [library.Upload("pasted.txt", body.text.encode(), body.title, body.date, body.source)]
    if content_type != "multipart/form-data":
        raise UnsupportedFormatError(
            f"send the files as multipart/form-data (field 'files') or pasted text as JSON, not {content_type!r}"
        )
    form = await request.form(max_files=settings.max_upload_files, max_fields=16)
    try:
        files = [f for f in form.getlist("files") + form.getlist("file") if isinstance(f, UploadFile)]
        if not files:
            raise RequestValidationError([{"loc": ("body", "files"), "msg": "no file sent", "type": "missing"}])
        meta = {k: v for k in ("title", "date", "source") if isinstance(v := form.get(k), str) and v.strip()}
        if "date" in meta:
            try:
                TextDocumentRequest(text="x", date=meta["date"])
            except ValidationError:
                raise RequestValidationError(
                    [{"loc": ("body", "date"), "msg": "not a date (YYYY-MM-DD)", "type": "value_error"}]
                ) from None
        if "title" in meta and len(files) > 1:
            raise RequestValidationError(
                [{"loc": ("body", "title"), "msg": "a title needs exactly one file", "type": "value_error"}]
            )
        uploads = []
        for file in files:
            name = safe_name(file.filename)
            # Read one byte past the limit: enough to know, without holding a huge file in memory.
            data = await file.read(settings.max_upload_bytes + 1)
            if len(data) > settings.max_upload_bytes:
                raise DocumentTooLargeError(f"{name}: over the limit of {settings.max_upload_bytes} bytes")
            uploads.append(library.Upload(name, data, meta.get("title"), meta.get("date"), meta.get("source")))
        return uploads
    finally:
        await form.close()


@router.post(
    "/documents",
    response_model=UploadResponse,
    status_code=201,
    responses={
        200: {"model": UploadResponse, "description": "Already indexed (same content): nothing changed"},
        **error_responses(409, 413, 415, 422, 429),
    },
    openapi_extra=_UPLOAD_BODY,
    summary="Add documents (files or pasted text)",
)
async def add_documents(
    request: Request, service: ServiceDep, settings: SettingsDep, response: Response
) -> UploadResponse:
    """Upload PDF, DOCX, HTML, Markdown or text files (field ``files``, one or more), or JSON pasted text.

    Answers once questions are answered from the changed collection: 201 when something was added, 200 when
    every document was already there (same content). One bad file: a 4xx naming it, and nothing is added.
    """
    _following(service, settings)
    with service.admit_write():
        uploads = await _uploads(request, settings)
        changes = await asyncio.to_thread(_add_all, settings, service, uploads)
        await service.switch()
    if not any(c.changed for c in changes):
        response.status_code = 200
    return UploadResponse(
        documents=[UploadResult.of_change(c) for c in changes], context_mode=service.pipeline().context_mode
    )


def _add_all(settings: Settings, service: AnswerService, uploads: list[library.Upload]) -> list[DocumentChange]:
    pipeline = service.pipeline()
    store = library.shared_store(pipeline.index)
    # Extract all first: a bad file refuses the request before anything is written.
    prepared = [library.prepare_upload(settings, upload) for upload in uploads]
    return [library.add_prepared(settings, pipeline.encoder, p, store) for p in prepared]


@router.get("/documents", response_model=DocumentList, summary="List the uploaded documents")
async def list_documents(pipeline: PipelineDep, service: ServiceDep) -> DocumentList:
    """The uploaded documents the service answers from, oldest first."""
    service.follow()
    records = sorted(pipeline.index.documents.values(), key=lambda d: (d.added_at, d.document_id))
    return DocumentList(total=len(records), documents=[DocumentInfo.of(r) for r in records])


@router.get(
    "/documents/{document_id}",
    response_model=DocumentDetail,
    responses=error_responses(404, 422),
    summary="One uploaded document, with its cleaned text",
)
async def get_document(document_id: Annotated[str, _ID], pipeline: PipelineDep) -> DocumentDetail:
    record = pipeline.index.documents.get(document_id)
    article = pipeline.index.articles.get(document_id)
    if record is None or article is None:
        raise DocumentNotFoundError(f"no uploaded document with id {document_id!r}")
    return DocumentDetail(**DocumentInfo.of(record).model_dump(), text=article.text)


@router.delete(
    "/documents/{document_id}",
    response_model=DocumentDeleted,
    responses=error_responses(404, 409, 422, 429),
    summary="Delete an uploaded document, everywhere",
)
async def delete_document(
    document_id: Annotated[str, _ID], service: ServiceDep, settings: SettingsDep
) -> DocumentDeleted:
    """Its text, chunks, vectors and lexical postings leave the index, and the prompt cache that held it is
    deleted; answers once questions are answered without it. 404 when there is no such document."""
    _following(service, settings)
    with service.admit_write():
        pipeline = service.pipeline()
        store = library.shared_store(pipeline.index)
        change = await asyncio.to_thread(library.remove, settings, document_id, pipeline.encoder.name, store)
        if change is None:
            raise DocumentNotFoundError(f"no uploaded document with id {document_id!r}")
        await service.switch()
    return DocumentDeleted(document_id=document_id)
