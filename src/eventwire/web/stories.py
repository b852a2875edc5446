"""Stories on the web: ``GET /api/stories``, ``GET /api/stories/{id}`` and their pages.

The story page shows a story's articles by source and time (copies marked, with the
article they reprint), its event instances with their mention, article and source
counts, and where the sources differ on a field (the date, the place).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from eventwire.stories import StoryDetail
from eventwire.stories.render import story_record
from eventwire.web.database import Database
from eventwire.web.params import MAX_OFFSET, Limit, Offset, form_int

__all__ = ["router", "story_detail_record"]

PAGE = 50
# The API's error body ({"error", "status"}), as eventwire.api documents it for every route.
_ERROR = {
    "description": "an error",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error", "status"],
                "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
            }
        }
    },
}
StoryId = Annotated[int, Path(ge=1, le=2**62, description="a story id")]


def story_detail_record(d: StoryDetail) -> dict[str, Any]:
    """A story with its articles and event instances (``GET /api/stories/{id}``)."""
    return {
        **story_record(d.summary),
        "members": [
            {
                "id": a.id,
                "headline": a.headline,
                "day": a.day,
                "source": a.source,
                "copy_of": a.copy_of,
                "relation": a.relation,
                "similarity": a.similarity,
            }
            for a in d.articles
        ],
        "instances": [
            {
                "id": i.id,
                "type": i.type,
                "date": i.date,
                "location": i.location,
                "source": list(i.source),
                "target": list(i.target),
                "NumMentions": i.mentions,
                "NumArticles": i.articles,
                "NumSources": i.sources,
                "differ": {k: list(v) for k, v in i.disagreements.items()},
                "mentions": [
                    {
                        "article": m.article_id,
                        "event": m.event_id,
                        "source": m.source,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                    }
                    for m in i.told
                ],
            }
            for i in d.instances
        ],
    }


def router(db: Database) -> APIRouter:
    """The story routes (API and pages) over ``db``."""
    from eventwire.web.pages import templates  # one template environment for every page

    r = APIRouter()

    @r.get("/api/stories", tags=["stories"], responses={422: _ERROR})
    def stories(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories, the latest first: id, label, articles (ids), start, end, sources."""
        with db.read() as store:
            rows = store.stories.stories(limit=limit + 1, offset=offset)
        return {
            "limit": limit,
            "offset": offset,
            "has_more": len(rows) > limit,
            "items": [story_record(s) for s in rows[:limit]],
        }

    @r.get("/api/stories/{story_id}", tags=["stories"], responses={404: _ERROR, 422: _ERROR})
    def story(story_id: StoryId) -> dict[str, Any]:
        """One story: its articles, copies, and event instances with GDELT's counts."""
        with db.read() as store:
            found = store.stories.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        return story_detail_record(found)

    @r.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request) -> HTMLResponse:
        offset = form_int(request.query_params, "offset", default=0, low=0, high=MAX_OFFSET) or 0
        with db.read() as store:
            rows = store.stories.stories(limit=PAGE + 1, offset=offset)
            total = store.stories.count()
        return templates.TemplateResponse(
            request,
            "stories.html",
            {
                "rows": rows[:PAGE],
                "total": total,
                "offset": offset,
                "more": len(rows) > PAGE,
                "twin": "/api/stories",
            },
        )

    @r.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: int) -> HTMLResponse:
        with db.read() as store:
            found = store.stories.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        by_source: dict[str, list[Any]] = {}
        for a in found.articles:
            by_source.setdefault(a.source, []).append(a)
        return templates.TemplateResponse(
            request,
            "story.html",
            {"story": found, "by_source": by_source, "twin": f"/api/stories/{story_id}"},
        )

    return r
