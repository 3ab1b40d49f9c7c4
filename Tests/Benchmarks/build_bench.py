"""Times `notice build` against libcmark's own `cmark` command and Hugo on the same pages.

    python3 Tests/Benchmarks/build_bench.py [--sizes 1000 10000] [--runs 3] [--notice PATH]

A deterministic corpus (seeded) of policy pages, each 2–6 KB of Markdown with headings, lists, links,
emphasis and some cookie-table directives, is written as a Notice site and as a Hugo site on a tmpfs
(/dev/shm). Each tool runs --runs times; the table shows median wall time and peak memory (maximum
resident set size, from GNU time). Targets (issue 7) at 10,000 pages: notice at most 1.2 x cmark's time,
at least 5 x faster than Hugo, at most 150 MB.
"""
import argparse
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
WORDS = ("cookie cookies consent privacy policy service website council analytics visitor browser setting "
         "choose accept reject information session personal data store remember purpose provider measure "
         "improve report library committee meeting resident feedback form booking register licence page "
         "content secure necessary functional optional withdraw period duration domain address request").split()
SERVICES = ["google-analytics", "hotjar", "youtube", "squiz-matrix", "zipporah"]


def sentence(rng, low=8, high=20, markup=True):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    for index in range(len(words) if markup else 0):
        roll = rng.random()
        if roll < 0.05:
            words[index] = f"*{words[index]}*"
        elif roll < 0.08:
            words[index] = f"**{words[index]}**"
        elif roll < 0.11:
            words[index] = f"[{words[index]}](https://www.example.gov.uk/{rng.choice(WORDS)}/)"
        elif roll < 0.12:
            words[index] = f"`{words[index]}`"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def page(rng, number):
    target = rng.randint(2048, 6144)
    parts = [f"---\ntitle: Policy page {number}\ndescription: {sentence(rng, 6, 10, markup=False)}\nupdated: 2025-01-07\n---\n"]
    size = len(parts[0])
    section = 0
    while size < target:
        section += 1
        block = [f"## Section {section} {rng.choice(WORDS)}\n"]
        for _ in range(rng.randint(1, 3)):
            block.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) + "\n")
        if rng.random() < 0.5:
            block.append("\n".join(f"- {sentence(rng, 4, 10)}" for _ in range(rng.randint(2, 5))) + "\n")
        if rng.random() < 0.15:
            block.append(f"```cookie-table service={rng.choice(SERVICES)}\n```\n")
        text = "\n".join(block) + "\n"
        parts.append(text)
        size += len(text)
    return "".join(parts)


REGISTRY = """categories:
  - {id: analytics, title: Analytics cookies}
  - {id: functional, title: Functional cookies}
  - {id: necessary, title: Strictly necessary cookies, necessary: true}
services:
  - id: google-analytics
    name: Google Analytics
    category: analytics
    cookies:
      - {name: _ga, purpose: Used to distinguish users., duration: 2 years}
      - {name: "_ga_<container-id>", purpose: Used to persist session state., duration: 2 years}
  - id: hotjar
    name: Hotjar
    category: analytics
    cookies:
      - {name: _hjid, purpose: Hotjar user id., duration: 365 days}
  - id: youtube
    name: YouTube
    category: functional
    cookies:
      - {name: "PREF*", purpose: Playback preferences., duration: After 8 months}
  - id: squiz-matrix
    name: Squiz Matrix
    category: necessary
    cookies:
      - {name: SQ_SYSTEM_SESSION, purpose: Editor sign-in., duration: Session}
  - id: zipporah
    name: Zipporah
    category: necessary
    cookies:
      - {name: ZipGenAcc, purpose: Access control., duration: Session}
"""


def make_corpus(root, count):
    rng = random.Random(2026 + count)
    notice_site = root / "notice"
    hugo_site = root / "hugo"
    (notice_site / "pages").mkdir(parents=True)
    (hugo_site / "content").mkdir(parents=True)
    (hugo_site / "layouts" / "_default").mkdir(parents=True)
    (notice_site / "site.yaml").write_text("title: Benchmark Council\nlanguage: en-GB\npolicyPage: p00000\n")
    (notice_site / "registry.yaml").write_text(REGISTRY)
    (hugo_site / "config.toml").write_text('baseURL = "https://example.gov.uk/"\ntitle = "Benchmark"\n'
                                           'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (hugo_site / "layouts" / "_default" / "single.html").write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n")
    (hugo_site / "layouts" / "_default" / "list.html").write_text("<!DOCTYPE html><html><body>{{ .Content }}</body></html>\n")
    total = 0
    for number in range(count):
        text = page(rng, number)
        total += len(text.encode())
        (notice_site / "pages" / f"p{number:05d}.md").write_text(text)
        (hugo_site / "content" / f"p{number:05d}.md").write_text(text)
    return notice_site, hugo_site, total


def timed(command, cwd=None):
    """Wall seconds and peak resident memory in MB (GNU time), failing loudly on errors."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stderr[-2000:]}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def median_run(command, runs, cwd=None, before=None):
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(timed(command, cwd))
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--notice", default=str(REPOSITORY / ".build" / "release" / "notice"))
    arguments = parser.parse_args()
    scratch = pathlib.Path("/dev/shm" if os.path.isdir("/dev/shm") else "/tmp") / "notice-bench"
    shutil.rmtree(scratch, ignore_errors=True)
    rows = []
    try:
        for count in arguments.sizes:
            root = scratch / str(count)
            notice_site, hugo_site, size = make_corpus(root, count)
            output = root / "out-notice"
            pages = sorted(str(path) for path in (notice_site / "pages").glob("*.md"))
            env_themes = {"NOTICE_THEMES": str(REPOSITORY / "themes")}
            os.environ.update(env_themes)
            build = [arguments.notice, "build", "--site", str(notice_site), "--output", str(output)]
            # Into an empty folder, then again over its own output: unchanged files are compared and kept.
            notice = median_run(build, arguments.runs, before=lambda: shutil.rmtree(output, ignore_errors=True))
            rebuild = median_run(build, arguments.runs)
            cmark = median_run(["sh", "-c", 'cmark "$@" > /dev/null', "cmark", *pages], arguments.runs)
            hugo_output = root / "out-hugo"
            hugo = median_run(["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(hugo_output)], arguments.runs,
                              before=lambda: shutil.rmtree(hugo_output, ignore_errors=True))
            rows.append((count, size, notice, cmark, hugo, rebuild))
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"notice build vs cmark and Hugo, median of {arguments.runs} runs, on {scratch.parent} (tmpfs), {os.cpu_count()} cores")
    print()
    print("| pages | Markdown | notice build | rebuild, nothing changed | cmark | Hugo | notice ÷ cmark | Hugo ÷ notice | notice peak memory |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count, size, notice, cmark, hugo, rebuild in rows:
        print(f"| {count:,} | {size / 1e6:.1f} MB | {notice[0]:.2f} s | {rebuild[0]:.2f} s | {cmark[0]:.2f} s | {hugo[0]:.2f} s | "
              f"{notice[0] / cmark[0]:.2f} | {hugo[0] / notice[0]:.1f} | {max(notice[1], rebuild[1]):.0f} MB |")
    print()
    print(f"peak memory: cmark {rows[-1][3][1]:.0f} MB, Hugo {rows[-1][4][1]:.0f} MB (largest corpus)")
    print("targets at 10,000 pages: notice ÷ cmark ≤ 1.2, Hugo ÷ notice ≥ 5, notice peak memory ≤ 150 MB")


if __name__ == "__main__":
    sys.exit(main())
