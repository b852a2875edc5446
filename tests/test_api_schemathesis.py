"""Property-based tests of the API against its own OpenAPI description (schemathesis):
whatever a generated request holds, the server never answers 500, and every answer keeps
to the documented shape where one is documented.

Kept fast: at most 25 examples per operation. ``POST /api/ingest`` runs with the token
unset, so every generated write is refused (403) before its body is read.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from starlette.exceptions import StarletteDeprecationWarning

from eventwire.api import create_app

from .test_api import build_store

with warnings.catch_warnings():
    # Starlette 1.x warns that its TestClient (which schemathesis drives) prefers httpx2.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    import starlette.testclient  # noqa: F401


# The description is the same whatever the store holds: read it from an app over an empty
# in-memory store, and send the generated requests to one over the test corpus.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(":memory:"))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    db = build_store(tmp_path_factory.mktemp("schemathesis") / "eventwire.db")
    return create_app(str(db), token=None)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_errors(case: Any, app: FastAPI) -> None:
    response = case.call(app=app)
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])


def test_the_schema_lists_every_endpoint() -> None:
    paths = set(schema.raw_schema["paths"])
    assert paths == {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/events",
        "/api/events/timeline",
        "/api/events/places",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/quotes",
        "/api/stats",
        "/api/network",
        "/api/ingest",
        "/api/stories",
        "/api/stories/{story_id}",
    }
