#!/usr/bin/env python3
"""A pass-through HTTP proxy in front of a local Zenodo server that holds each create's answer.

    bench/create-delay.py LISTEN_PORT UPSTREAM_PORT DELAY_MS

Forwards every request to 127.0.0.1:UPSTREAM_PORT as it is and returns the answer as it is; the
answer to a create (POST /api/deposit/depositions) is held DELAY_MS first, as zenodo.org takes its
time to answer one. For bench/stage.sh only: casepress itself has no such hook, so one build can
be compared with another under the same delay. Links in the answers name the upstream's port, so
the uploads that follow them go straight to the server.
"""
import http.client
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LISTEN, UPSTREAM, DELAY = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as between OkHttp and zenodo.org

    def forward(self):
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            self.send_error(501, "chunked request bodies are not forwarded")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM, timeout=60)
        try:
            upstream.request(self.command, self.path, body=body if body else None, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
            if self.command == "POST" and self.path.split("?")[0] == "/api/deposit/depositions":
                time.sleep(DELAY)
            self.send_response_only(answer.status, answer.reason)
            for k, v in answer.getheaders():
                if k.lower() not in HOP_BY_HOP:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", LISTEN), Forward).serve_forever()
