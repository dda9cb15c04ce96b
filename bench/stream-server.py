#!/usr/bin/env python3
"""A plain-HTTP server that streams as many Groq-shaped tokens as a chat request asks for, as fast as the client
reads them (the fake server builds a whole answer in memory first, which is no way to send a million tokens).

usage: bench/stream-server.py   prints its base URL once listening, serves until killed. Standard library only.
POST .../chat/completions streams max_completion_tokens tokens; POST .../audio/transcriptions reads the upload and
answers {"text":"ok"}.
"""
import http.server
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
import sse  # noqa: E402


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # without it a reused connection waits ~40 ms per request (platform notes)

    def log_message(self, *args):
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        left = length
        body = bytearray()
        while left > 0:
            piece = self.rfile.read(min(left, 1 << 20))
            if not piece:
                break
            left -= len(piece)
            if len(body) < (1 << 16):  # an upload is only counted, never kept
                body += piece[: (1 << 16) - len(body)]
        return bytes(body), length

    def do_POST(self):
        body, _ = self.read_body()
        if self.path.endswith("/audio/transcriptions"):
            answer = b'{"text":"ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("x-request-id", "req_bench")
        self.end_headers()
        try:
            for piece in sse.batches(sse.tokens_asked(body)):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that stops mid-stream (the Ctrl-C runs do, on purpose) is not worth a traceback.
        pass


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("http://127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
