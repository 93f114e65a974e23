"""The REST API and web dashboard over the event store (`eventwire serve`); needs eventwire[server].

    from eventwire.server import create_app
    app = create_app("sqlite:///eventwire.db")    # a FastAPI app: run it with uvicorn"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
