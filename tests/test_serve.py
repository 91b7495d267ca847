"""The HTTP API: FastAPI's test client for the contract and every error, then a real uvicorn
process on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimcheck import __version__
from claimcheck.serve import Settings, create_app

from .conftest import CORPUS
from .servers import running_server
from .test_docx import _docx

SEED = (CORPUS / "001-norfolk-police-domestic-abuse.txt").read_text(encoding="utf-8")
WRONG = SEED.replace("3.7 per cent", "7.3 per cent")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings(syntax=False, workers=1, max_bytes=200_000, timeout=5)
    with TestClient(create_app(settings)) as client:
        yield client


def _finding_on(data: dict[str, object], text: str) -> dict[str, object]:
    (file,) = data["files"]  # type: ignore[misc]
    claim = next(c for c in file["claims"] if c["text"] == text)
    return next(f for f in file["findings"] if f["claim"] == claim["id"])


def test_check_returns_the_contract_with_the_working(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": SEED})
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == 1 and data["files"][0]["path"] == "-"
    assert "text" not in data["files"][0]
    finding = _finding_on(data, "3.7 per cent")
    assert finding["verdict"] == "consistent" and "1 of 27 = 3.70%" in str(finding["message"])

    wrong = client.post("/api/check", json={"text": WRONG}).json()
    assert _finding_on(wrong, "7.3 per cent")["verdict"] == "inconsistent"


def test_offsets_index_the_returned_text(client: TestClient) -> None:
    markdown = "# Vetting\n\nOf the **27** staff, one, or *3.7 per cent*, was sacked.\n"
    file = client.post(
        "/api/check", json={"text": markdown, "format": "markdown", "include_text": True}
    ).json()["files"][0]
    assert file["text"] == markdown
    assert all(file["text"][c["start"] : c["end"]] == c["text"] for c in file["claims"])


def test_uploads_are_read_by_their_suffix(client: TestClient, tmp_path: Path) -> None:
    draft = _docx(tmp_path / "draft.docx").read_bytes()
    response = client.post(
        "/api/check",
        files={"file": ("../../etc/draft.docx", draft)},
        data={"include_text": "true"},
    )
    assert response.status_code == 200
    file = response.json()["files"][0]
    assert file["path"] == "draft.docx"  # a name, never a path on this machine
    assert "147 were upheld" in file["text"] and "174" not in file["text"]
    assert any(f["rule"] == "CC101" for f in file["findings"])


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"json": {"text": ""}}, 422, "text: empty"),
        ({"json": {"txt": "x"}}, 422, "text: Field required"),
        ({"json": {"text": "x", "format": "pdf"}}, 422, "format:"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, ""),
        ({"files": {"file": ("a.txt", b"\x00\x01binary")}}, 422, "[E002] a.txt"),
        ({"files": {"file": ("a.txt", b"caf\xe9")}}, 422, "[E003] a.txt"),
        ({"files": {"file": ("a.docx", b"not a zip")}}, 422, "[E015] a.docx"),
        ({"files": {"draft": ("a.txt", b"Three of the 27.")}}, 422, "'file' field"),
        ({"data": {"text": "a form"}}, 415, "JSON or a multipart"),
        ({"json": {"text": "x" * 300_000}}, 413, "200,000-byte limit"),
    ],
)
def test_errors_are_json_with_one_line(
    client: TestClient, kwargs: dict[str, object], status: int, message: str
) -> None:
    response = client.post("/api/check", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    assert message in response.json()["error"]


def test_a_chunked_body_is_cut_off_at_the_limit(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(
        "/api/check", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_rules_health_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    codes = [rule["code"] for rule in client.get("/api/rules").json()]
    assert "CC101" in codes and codes == sorted(codes)
    body = client.get("/openapi.json").json()["paths"]["/api/check"]["post"]["requestBody"]
    assert set(body["content"]) == {"application/json", "multipart/form-data"}
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]


def test_an_overrunning_check_is_stopped_and_its_worker_replaced() -> None:
    long = (SEED + "\n\n") * 60
    settings = Settings(syntax=False, workers=1, timeout=0.2)
    with TestClient(create_app(settings)) as client:
        response = client.post("/api/check", json={"text": long})
        assert response.status_code == 504
        assert "took over 0.2 s" in response.json()["error"]
        assert client.get("/healthz").json() == {
            "status": "starting",
            "workers": 0,
            "version": __version__,
        }
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the replacement worker is starting
            response = client.post("/api/check", json={"text": "Three of the 27."})
            if response.status_code == 200:
                break
        assert response.status_code == 200


def test_a_real_server_on_loopback(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with running_server(log, "--workers", "1") as base:
        request = urllib.request.Request(
            f"{base}/api/check",
            data=json.dumps({"text": WRONG}).encode(),
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            data = json.load(response)
        assert _finding_on(data, "7.3 per cent")["verdict"] == "inconsistent"
        # bound to loopback only: the machine's other addresses do not answer
        port = int(base.rsplit(":", 1)[1])
        hosts = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), port)}
        for host in hosts - {"127.0.0.1", "::1", "127.0.1.1"}:
            with pytest.raises(OSError), socket.create_connection((host, port), timeout=1):
                pass
    # stopped with Ctrl-C: a quiet shutdown, workers included
    assert "Traceback" not in log.read_text(), log.read_text()


def test_a_port_in_use_is_one_coded_line(capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err == f"claimcheck: [E021] cannot listen on 127.0.0.1:{port} (Address already in use)\n"


def test_the_listening_socket_says_tcp_so_responses_are_not_held_back() -> None:
    """asyncio switches Nagle off only for sockets whose protocol is TCP; a socket made with
    protocol 0 left every small response waiting ~40 ms for a delayed ACK."""
    from claimcheck.serve import listen

    with listen("127.0.0.1", 0) as listening:
        assert listening.proto == socket.IPPROTO_TCP
        port = listening.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)), listening.accept()[0] as accepted:
            assert accepted.proto == socket.IPPROTO_TCP
