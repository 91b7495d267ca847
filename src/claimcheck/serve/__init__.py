"""`claimcheck serve`: the page and the HTTP API on uvicorn, bound to 127.0.0.1 by default."""

from __future__ import annotations

import contextlib
import os
import socket

from claimcheck.errors import ClaimcheckError, E
from claimcheck.serve.app import Settings, create_app

__all__ = ["Settings", "create_app", "serve"]


def serve(host: str, port: int, settings: Settings) -> None:
    """Binds first, so a port in use is one coded line (exit 2) before any worker starts."""
    import uvicorn

    app = create_app(settings)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        listening = socket.create_server((host, port), family=family)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise ClaimcheckError(E.E021, host=host, port=port, reason=reason) from exc
    print(f"claimcheck: serving on http://{host}:{port} (API docs at /docs)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: uvicorn has shut down by now
        server.run(sockets=[listening])
