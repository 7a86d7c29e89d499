# http.server in a thread on 127.0.0.1 (port 0); http.client and urllib.request talk to it
import http.client, http.server, threading, urllib.request, json

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        data = self.rfile.read(n)
        self.send_response(201)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[::-1])

    def log_message(self, *args):
        pass

srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
port = srv.server_address[1]
t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
conn.request("GET", "/hello?x=1")
r = conn.getresponse()
print(r.status, r.reason, r.getheader("Content-Type"), r.read())
conn.request("POST", "/p", body=b"abcdef")
r = conn.getresponse()
print(r.status, r.read())
conn.close()
with urllib.request.urlopen(f"http://127.0.0.1:{port}/via-urllib", timeout=5) as f:
    print(f.status, json.loads(f.read()))
srv.shutdown()
t.join()
srv.server_close()
print("done")
