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
    listening = listen(host, port)
    print(f"claimcheck: serving on http://{host}:{port} (API docs at /docs)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: uvicorn has shut down by now
        server.run(sockets=[listening])


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket, or [E021] in one line."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not create_server's 0: asyncio turns Nagle off only on sockets that say
    # TCP, and with it on every small response waited ~40 ms for a delayed ACK.
    listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
        listening.listen(2048)
    except OSError as exc:
        listening.close()
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise ClaimcheckError(E.E021, host=host, port=port, reason=reason) from exc
    return listening
