"""The indexed articles: cleaned text and metadata, so a reader can see a cited quote in its context."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import ApiKeyDep, PipelineDep
from api.errors import ArticleNotFoundError, error_responses
from api.schemas import ArticleDetail, ArticleList, ArticleSummary

router = APIRouter(tags=["articles"], dependencies=[ApiKeyDep], responses=error_responses(401, 503))


@router.get("/articles", response_model=ArticleList, responses=error_responses(422), summary="List the articles")
async def list_articles(
    pipeline: PipelineDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="articles per page")] = 100,
    offset: Annotated[int, Query(ge=0, description="articles to skip")] = 0,
) -> ArticleList:
    """The indexed articles, ordered by id, without their text."""
    articles = sorted(pipeline.index.articles.values(), key=lambda a: a.article_id)
    page = [ArticleSummary.of(a) for a in articles[offset : offset + limit]]
    return ArticleList(total=len(articles), offset=offset, limit=limit, articles=page)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    responses=error_responses(404, 422),
    summary="One article's cleaned text and metadata",
)
async def get_article(
    article_id: Annotated[str, Path(max_length=256, description="as in a citation's article_id")],
    pipeline: PipelineDep,
) -> ArticleDetail:
    """Citations' ``start``/``end`` offsets index into this ``text``."""
    # Looked up among the loaded index's ids only: an id never reaches the file system.
    article = pipeline.index.articles.get(article_id)
    if article is None:
        raise ArticleNotFoundError(f"no article with id {article_id!r} in the index")
    return ArticleDetail.of(article)
