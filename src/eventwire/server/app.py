"""The REST API and the dashboard over an event store: `create_app(db_url)` returns a FastAPI app.

    uvicorn.run(create_app("sqlite:///eventwire.db"), port=8000)     # or: eventwire serve

Routes (docs/server.md; the OpenAPI schema is at /openapi.json; FastAPI's /docs and /redoc are off
because their pages load scripts from a CDN, and eventwire downloads nothing at run time):
  GET /health                      the store answers
  GET /api/events                  filtered, paged event records, with the total count
  GET /api/events.geojson          the same filters as a GeoJSON FeatureCollection (streamed)
  GET /api/events/{event_id}       one record with its evidence, reasons and source articles
  GET /api/stats                   counts by type, country, month and day, for the same filters
  GET /api/articles/{article_id}   an article's metadata (and text, if stored), events and place mentions
  GET /                            the dashboard (static files in server/static/)

Filters are parsed by eventwire.filters, as on the command line; a bad one is a 400 with a one-line
`detail`, an unknown id a 404. Every error body is {"detail": "..."}."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import asdict, replace
from importlib import resources
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import EventwireError
from ..export import feature
from ..filters import FilterError, parse_filter
from ..record import Event, PlaceMention
from ..store import EventFilter, Store
from . import reads
from .provenance import provenance

MAX_PAGE = 1000
DEFAULT_PAGE = 100
STATIC = resources.files("eventwire.server").joinpath("static")


# --- response shapes (for the OpenAPI schema; the event record itself is record.Event) -------------

class Health(BaseModel):
    status: str = Field(description='"ok" when the store answers')
    version: str
    database: str = Field(description="the store's URL, password hidden")


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, ignoring limit and offset")
    limit: int
    offset: int
    filters: dict[str, Any] = Field(description="the filters as parsed (null: not set)")
    events: list[Event]


class Highlight(BaseModel):
    role: str = Field(description="trigger, actor1, actor2, location or attribution")
    field: str = Field(description="the record field whose words these are")
    start: int = Field(description="offset in evidence_text (add evidence_start for the article)")
    end: int
    text: str
    found: str = Field(description="how the words were located in the evidence")


class Provenance(BaseModel):
    evidence_text: str
    evidence_start: int
    evidence_end: int
    trigger_text: str | None
    highlights: list[Highlight]
    reasons: dict[str, str | None] = Field(description="every *_reason field of the record, and date_raw")


class Source(BaseModel):
    article_id: str
    role: str = Field(description="coded (the event was coded from it), duplicate or fused")
    reason: str
    added_at: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None


class ArticleMeta(BaseModel):
    article_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    language: str | None
    origin: str | None
    ingested_at: str
    n_events: int
    text_sha256: str
    text: str | None = Field(description="the article text, when the store keeps it")
    text_stored: bool


class EventDetail(BaseModel):
    event: Event
    provenance: Provenance
    article: ArticleMeta | None = Field(description="the article the event was coded from")
    sources: list[Source] = Field(description="every article that reports the event")


class ArticleDetail(BaseModel):
    article: ArticleMeta
    events: list[Event]
    places: list[PlaceMention]


class Stats(BaseModel):
    events: int
    articles: int = Field(description="articles the matching events were coded from")
    undated: int
    date_range: dict[str, str | None]
    by_type: dict[str, int]
    by_country: dict[str, int] = Field(description="by country_iso3, where the event happened")
    by_month: dict[str, int] = Field(description='YYYY-MM (and "undated"), in date order')
    by_day: dict[str, int] = Field(description='YYYY-MM-DD (and "undated"), in date order')
    filters: dict[str, Any]
    store: dict[str, Any] = Field(description="totals of the whole store (Store.stats)")


class Error(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error, "description": "a bad filter"}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Error, "description": "unknown id"}}


# --- filters -------------------------------------------------------------------------------------

def _filters(
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    country: Annotated[str | None, Query(description="ISO3 code of an actor or of the event's place")] = None,
    since: Annotated[str | None, Query(description="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events on or before YYYY-MM-DD")] = None,
    actor: Annotated[str | None, Query(description="text in an actor's name (case-insensitive)")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: events within KM of a point")] = None,
    article_id: Annotated[str | None, Query(description="events reported by this article")] = None,
    fused: Annotated[bool, Query(description="also the reports fused into another article's event")] = False,
) -> EventFilter:
    try:
        return parse_filter(type=type, country=country, since=since, until=until, actor=actor, near=near,
                            article_id=article_id, fused=fused)
    except FilterError as exc:
        raise HTTPException(400, str(exc)) from None


Filters = Annotated[EventFilter, Depends(_filters)]


def _echo(f: EventFilter) -> dict[str, Any]:
    d = asdict(f)
    for k in ("limit", "offset"):
        d.pop(k, None)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


# --- the app -------------------------------------------------------------------------------------

def create_app(db_url: str | None = None, *, store: Store | None = None) -> FastAPI:
    """The API and dashboard over the store at `db_url` (default $EVENTWIRE_DB, else
    sqlite:///eventwire.db), or over an open `store`. The app closes the store when it shuts down."""
    st = store if store is not None else Store.open(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        st.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Geolocated, source-attributed PLOVER event records: query, map, and see why "
                              "each field was decided. See docs/server.md.")
    app.state.store = st
    _add_error_handlers(app)

    @app.get("/health", response_model=Health, tags=["meta"])
    def health() -> dict[str, Any]:
        """The store answers a query (503 when it does not)."""
        try:
            with st.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as exc:
            raise HTTPException(503, f"the store {st.url} does not answer: {exc}") from None
        return {"status": "ok", "version": __version__, "database": st.url}

    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def events(
        f: Filters,
        limit: Annotated[int, Query(ge=0, le=MAX_PAGE, description="page size")] = DEFAULT_PAGE,
        offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
    ) -> dict[str, Any]:
        """Stored events matching the filters (those of `eventwire events`), in event-date order
        (undated last), one page at a time, with the total count."""
        page = replace(f, limit=limit, offset=offset)
        rows = [ev.to_dict() for ev in st.events(page)]
        return {"total": reads.count_events(st, f), "limit": limit, "offset": offset, "filters": _echo(f),
                "events": rows}

    @app.get("/api/events.geojson", responses={
        200: {"content": {"application/geo+json": {}},
              "description": "a FeatureCollection: each record in properties, Point [lon, lat] or null"},
        **ERRORS}, tags=["events"])
    def events_geojson(
        f: Filters,
        limit: Annotated[int | None, Query(ge=0, description="at most this many (default all)")] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> StreamingResponse:
        """The matching events as GeoJSON, streamed (the same features as `eventwire export --format
        geojson`). Events without coordinates have a null geometry."""
        page = replace(f, limit=limit, offset=offset)
        return StreamingResponse(_geojson(st.events(page)), media_type="application/geo+json")

    @app.get("/api/events/{event_id:path}", response_model=EventDetail, responses=NOT_FOUND, tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        """One event record (fused reports too), its provenance (evidence sentence, offsets, the spans
        of its trigger and actors, every reason), the article it was coded from, and every article that
        reports it."""
        ev = reads.get_event(st, event_id)
        if ev is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return {"event": ev.to_dict(), "provenance": provenance(ev),
                "article": reads.get_article(st, ev.article_id), "sources": reads.event_sources(st, event_id)}

    @app.get("/api/stats", response_model=Stats, responses=ERRORS, tags=["events"])
    def stats(f: Filters) -> dict[str, Any]:
        """Counts of the events matching the filters: by type, by country, by month and by day."""
        return {**reads.event_stats(st, f), "filters": _echo(f), "store": st.stats()}

    @app.get("/api/articles/{article_id:path}", response_model=ArticleDetail, responses=NOT_FOUND,
             tags=["articles"])
    def article(article_id: str) -> dict[str, Any]:
        """A stored article: its metadata, its text when the store keeps it (`text_stored`), the events
        it reports, and the place mentions found in it."""
        meta = reads.get_article(st, article_id)
        if meta is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return {"article": meta, "events": [ev.to_dict() for ev in st.events(EventFilter(article_id=article_id))],
                "places": [p.to_dict() for p in st.places(article_id)]}

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _geojson(events: Iterator[Event]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for i, ev in enumerate(events):
        yield ("," if i else "") + "\n" + json.dumps(feature(ev), ensure_ascii=False)
    yield "\n]}\n"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}={err.get('input')!r}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse({"detail": "; ".join(parts) or "bad request"}, status_code=400)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_request: Request, exc: EventwireError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=500)

    @app.exception_handler(sa.exc.SQLAlchemyError)
    async def database_error(_request: Request, exc: sa.exc.SQLAlchemyError) -> JSONResponse:
        orig = getattr(exc, "orig", None) or exc
        first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
        return JSONResponse({"detail": f"the database failed: {first}"}, status_code=500)
