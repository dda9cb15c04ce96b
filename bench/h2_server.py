"""An ASGI app for hypercorn: Groq-shaped SSE over TLS and HTTP/2, for bench/tls.

PYTHONPATH=bench hypercorn --certfile server.pem --keyfile server.key --bind 127.0.0.1:PORT h2_server:app
Each request's HTTP version is appended to $H2_LOG, so the bench can show which protocol each client used.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import sse  # noqa: E402


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    log = os.environ.get("H2_LOG")
    if log:
        with open(log, "a") as file:
            file.write("HTTP/%s\n" % scope.get("http_version"))
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/event-stream"), (b"x-request-id", b"req_bench")]})
    for piece in sse.batches(sse.tokens_asked(body)):
        await send({"type": "http.response.body", "body": piece, "more_body": True})
    await send({"type": "http.response.body", "body": b"", "more_body": False})
