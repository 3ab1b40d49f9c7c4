"""Runs `notice serve` as an editor would, and reads its event stream over a real connection."""
import http.client
import os
import re
import select
import signal
import subprocess
import time

from conftest import NOTICE, REPOSITORY


class Preview:
    """`notice serve` on a site folder, on a port the system picks (or the one given)."""

    def __init__(self, site, port=0, extra=()):
        self.process = subprocess.Popen(
            [str(NOTICE), "serve", "--site", str(site), "--port", str(port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
            env={**os.environ, "NOTICE_THEMES": str(REPOSITORY / "themes")})
        self.lines = []
        self.url = None
        deadline = time.monotonic() + 30
        while self.url is None and time.monotonic() < deadline:
            line = self.read_line(deadline - time.monotonic())
            match = re.search(r"at (http://[^ ]+/) \(Ctrl-C", line or "")
            if match:
                self.url = match.group(1)
        assert self.url, "notice serve did not start: " + "\n".join(self.lines)
        self.port = int(self.url.rsplit(":", 1)[1].rstrip("/"))

    def read_line(self, timeout):
        ready, _, _ = select.select([self.process.stdout], [], [], max(timeout, 0))
        if not ready:
            return None
        line = self.process.stdout.readline()
        if line:
            self.lines.append(line.rstrip("\n"))
        return line

    def wait_for_log(self, text, timeout=5):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return [line for line in self.lines if text in line][-1]
            self.read_line(0.05)
        raise AssertionError(f"no log line with {text!r}: " + "\n".join(self.lines))

    def get(self, path, host=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        if host:
            connection.putrequest("GET", path, skip_host=True)
            connection.putheader("Host", host)
            connection.endheaders()
        else:
            connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")

    def events(self):
        return EventStream(self.port)

    def stop(self):
        """Ctrl-C, as an editor stops it; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("notice serve did not stop within 10 s of Ctrl-C")
        return self.process.returncode


class EventStream:
    """A Server-Sent Events connection to the preview, read line by line."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        self.connection.request("GET", "/__notice/events", headers={"Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type") == "text/event-stream"
        self.buffer = b""
        self.next_event(": connected", timeout=5)

    def next_event(self, prefix="event: reload", timeout=5):
        """Waits for a line starting with prefix; returns the time it arrived."""
        deadline = time.monotonic() + timeout
        sock = self.response.fp.raw._sock if hasattr(self.response.fp, "raw") else None
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                if line.decode().startswith(prefix):
                    return time.monotonic()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {prefix!r} within {timeout} s")
            if sock is not None:
                select.select([sock], [], [], remaining)
            chunk = self.response.read1(4096) if hasattr(self.response, "read1") else self.response.read(1)
            if not chunk:
                raise AssertionError("the event stream closed")
            self.buffer += chunk

    def close(self):
        self.connection.close()
