"""Shared by the tests of `entente serve`: start the server on a free loopback port, ask it."""

import http.client
import os
import select
import signal
import subprocess
import urllib.error
import urllib.request


class Server:
    """`entente serve --port 0 ARGS...`, its URL read from the first line of its stdout."""

    def __init__(self, entente, *args, wait=30):
        self.process = subprocess.Popen(
            [entente, "serve", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        ready, _, _ = select.select([self.process.stdout], [], [], wait)
        if not ready:
            self.process.kill()
            raise RuntimeError("entente serve printed no URL in %d s" % wait)
        line = self.process.stdout.readline().decode()
        if not line.startswith("http://127.0.0.1:"):
            self.process.kill()
            raise RuntimeError("entente serve's first line is not its URL: %r; stderr: %r" % (
                line, self.process.stderr.read().decode()))
        self.url = line.strip().rstrip("/")
        self.host, self.port = self.url[len("http://"):].split(":")
        self.port = int(self.port)

    def get(self, path, headers=None):
        """GET path: (status, content type, body as bytes); never raises on 4xx/5xx."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status, r.headers.get("Content-Type"), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type"), e.read()

    def raw(self, method, path, body=None, headers=None):
        """Any request through http.client: (status, content type, body)."""
        c = http.client.HTTPConnection(self.host, self.port, timeout=30)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        out = r.status, r.getheader("Content-Type"), r.read()
        c.close()
        return out

    def stop(self, timeout=20):
        """SIGTERM; returns (status, stderr text)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RuntimeError("entente serve did not stop within %d s of SIGTERM" % timeout)
        err = self.process.stderr.read().decode()
        self.process.stdout.close()
        self.process.stderr.close()
        return self.process.returncode, err

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for f in (self.process.stdout, self.process.stderr):
            if not f.closed:
                f.close()


def cli(entente, *args, cwd=None):
    """Runs the CLI: (status, stdout bytes, stderr text)."""
    r = subprocess.run([entente, *args], capture_output=True, cwd=cwd, timeout=120,
                       env=dict(os.environ, NO_COLOR="1"))
    return r.returncode, r.stdout, r.stderr.decode()


# Every check of a test script, in order; the script exits 1 when any failed.
failures = []


def check(name, got, want):
    if got != want:
        failures.append(name)
        print("FAIL %s\n  got:  %r\n  want: %r" % (name, got, want))
    else:
        print("ok   %s" % name)
