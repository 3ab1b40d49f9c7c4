#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus (Tests/Fuzz/Corpus/TARGET/) from the example site and the tests.

Run it after the example site or the test site changes; the corpus is committed, and `make test` replays
it through every target. Inputs that once found a bug live in Corpus/TARGET/regression-* and are kept.
"""
import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Tests" / "Fuzz" / "Corpus"
SITES = [ROOT / "content", ROOT / "Tests" / "Browser" / "site", ROOT / "Tests" / "Bilingual" / "site"]


def save(target, text):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    (folder / ("seed-" + hashlib.sha1(data).hexdigest()[:12])).write_bytes(data)


def main():
    for folder in CORPUS.glob("*"):
        for seed in folder.glob("seed-*"):
            seed.unlink()
    for site in SITES:
        registry = (site / "registry.yaml").read_text(encoding="utf-8")
        save("registry", registry)
        save("settings", (site / "site.yaml").read_text(encoding="utf-8"))
        for value in re.findall(r"^\s*duration:\s*(.+)$", registry, re.M):
            save("duration", value.strip().strip("'\""))
        for value in re.findall(r"^\s*-?\s*name:\s*(.+)$", registry, re.M):
            name = value.strip().strip("'\"")
            save("name-pattern", name + "\n" + name.replace("*", "x1").replace("<", "").replace(">", "") + "\n")
        for page in sorted((site / "pages").rglob("*.md")):
            text = page.read_text(encoding="utf-8")
            save("front-matter", text)
            parts = text.split("\n---\n", 1)
            save("page", parts[1] if len(parts) == 2 else text)
    for template in sorted((ROOT / "themes").rglob("*.mustache")):
        save("template", template.read_text(encoding="utf-8"))
    for duration in ["Session", "90 days", "1 year 6 months", "Under 100ms", "After 8 months", "30 seconds to 1 year",
                     "Between 1 and 2 years", "2 hours and 30 minutes", "No expiry", "About 1 week", "1 day – 2 weeks"]:
        save("duration", duration)
    for pattern in ["_ga_<container-id>\n_ga_ABC\n_ga_\n", "a*b*c\nabc\nacb\n", "{x}-<y>\n1-2\n-2\n", "PREF*\nPREF\nxPREF\n"]:
        save("name-pattern", pattern)


if __name__ == "__main__":
    main()
