"""Measures `notice serve` on the example site: the time from saving a Markdown page to the reload
event reaching a listening page, and throughput under load from wrk on loopback.

    python3 Tests/Benchmarks/preview_latency.py [--runs N] [--notice PATH]

Targets (issue 6): median save-to-reload at most 50 ms; wrk with zero errors.
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPOSITORY / "Tests" / "Browser"))
from preview_process import Preview  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder) / "content"
        shutil.copytree(REPOSITORY / "content", site)
        page = site / "pages" / "cookies.md"
        original = page.read_text()
        preview = Preview(site)
        try:
            events = preview.events()
            latencies = []
            for run in range(arguments.runs):
                time.sleep(0.05)
                start = time.monotonic()
                page.write_text(original.replace("Cookies are small text files", f"Cookies (edit {run}) are small text files"))
                arrived = events.next_event("event: reload", timeout=5)
                latencies.append((arrived - start) * 1000)
            events.close()
            latencies.sort()
            print(f"save → reload event, {len(latencies)} edits of pages/cookies.md (example site):")
            print(f"  median {statistics.median(latencies):.1f} ms, p90 {latencies[int(len(latencies) * 0.9) - 1]:.1f} ms, "
                  f"min {latencies[0]:.1f} ms, max {latencies[-1]:.1f} ms (target: median ≤ 50 ms)")
            while preview.read_line(0.2):
                pass
            rebuild_lines = [line for line in preview.lines if line.startswith("Updated")]
            print(f"  the preview's own log: {rebuild_lines[-1] if rebuild_lines else 'none'}")
            if shutil.which("wrk"):
                for path in ["/cookies/", "/consent.js"]:
                    result = subprocess.run(["wrk", "-t2", "-c32", "-d5s", f"http://127.0.0.1:{preview.port}{path}"],
                                            capture_output=True, text=True)
                    summary = [line.strip() for line in result.stdout.splitlines()
                               if "Requests/sec" in line or "requests in" in line or "Socket errors" in line or "Non-2xx" in line]
                    print(f"wrk -t2 -c32 -d5s {path}: " + "; ".join(summary))
            else:
                print("wrk is not installed (apt-get install wrk) so throughput was not measured")
        finally:
            preview.stop()
    return 0 if statistics.median(latencies) <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
