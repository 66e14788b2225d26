"""What goes over the wire for ``/documents``: the pasted-text request and the responses.

Kept apart from ``api.schemas`` (questions and articles): a document's record is not an article's summary.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from index import DocumentChange, DocumentRecord

__all__ = [
    "DocumentDeleted",
    "DocumentDetail",
    "DocumentInfo",
    "DocumentList",
    "TextDocumentRequest",
    "UploadResponse",
    "UploadResult",
]

_DATE = r"^\d{4}-\d{2}-\d{2}$"


class TextDocumentRequest(BaseModel):
    """Pasted text as a document (no URL is ever fetched)."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"text": "Scale AI opened an office in Lisbon.", "title": "Scale AI in Lisbon", "date": "2025-06-12"}
            ]
        },
    )

    text: str = Field(min_length=1, json_schema_extra={"pattern": r"\S"}, description="the document's text")
    title: str | None = Field(default=None, max_length=300, description="default: its first line")
    date: str | None = Field(default=None, pattern=_DATE, description="publication date, YYYY-MM-DD")
    source: str | None = Field(default=None, max_length=200, description="outlet or site, e.g. Reuters")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is empty (only whitespace)")
        return value


class DocumentInfo(BaseModel):
    """An uploaded document: what it was and what the index made of it."""

    document_id: str = Field(description="also its article_id in citations and /articles")
    title: str
    date: str | None = None
    source: str | None = Field(default=None, description="outlet or site")
    filename: str = Field(description="the uploaded file's name (no path)")
    format: str = Field(description="pdf, docx, html, markdown or text")
    size_bytes: int
    chars: int = Field(description="characters of cleaned text")
    chunks: int
    added_at: str

    @classmethod
    def of(cls, record: DocumentRecord) -> DocumentInfo:
        return cls(
            document_id=record.document_id,
            title=record.title,
            date=record.date,
            source=record.source,
            filename=record.filename,
            format=record.format,
            size_bytes=record.size_bytes,
            chars=record.chars,
            chunks=record.n_chunks,
            added_at=record.added_at,
        )


class UploadResult(DocumentInfo):
    created: bool = Field(description="false: the same content was already indexed; nothing changed")

    @classmethod
    def of_change(cls, change: DocumentChange) -> UploadResult:
        return cls(**DocumentInfo.of(change.document).model_dump(), created=change.changed)


class UploadResponse(BaseModel):
    documents: list[UploadResult]
    context_mode: str = Field(description="the mode questions are answered in now (corpus or retrieval)")


class DocumentList(BaseModel):
    total: int
    documents: list[DocumentInfo]


class DocumentDetail(DocumentInfo):
    text: str = Field(description="the cleaned text citations index into")


class DocumentDeleted(BaseModel):
    document_id: str
    deleted: bool = True
