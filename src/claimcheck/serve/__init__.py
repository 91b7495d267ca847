"""`claimcheck serve`: the page and the HTTP API on uvicorn, bound to 127.0.0.1 by default."""

from __future__ import annotations

from claimcheck.serve.app import Settings, create_app

__all__ = ["Settings", "create_app", "serve"]


def serve(host: str, port: int, settings: Settings) -> None:
    import uvicorn

    print(f"claimcheck: serving on http://{host}:{port} (API docs at /docs)", flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
