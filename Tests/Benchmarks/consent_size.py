"""Prints the consent script's size as pages download it: raw and gzipped (level 9), for the example
site's output/consent.js and consent.css, and for the engine alone (the theme's minified files).

    python3 Tests/Benchmarks/consent_size.py [OUTPUT_DIR]

Budget (issue 4): JS + CSS at most 4 KB (4,096 bytes) gzipped.
"""
import gzip
import pathlib
import sys

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
BUDGET = 4096


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def row(label, paths):
    raw = sum(path.stat().st_size for path in paths)
    packed = sum(gzipped(path) for path in paths)
    print(f"{label:<44} {raw:>7,} B raw {packed:>7,} B gzipped")
    return packed


def main():
    output = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else REPOSITORY / "output"
    consent = REPOSITORY / "themes" / "default" / "consent"
    print("Notice consent script, sizes as downloaded")
    js = row("output/consent.js (example site's settings)", [output / "consent.js"])
    css = row("output/consent.css", [output / "consent.css"])
    total = js + css
    engine = row("engine: consent.min.js + consent.min.css", [consent / "consent.min.js", consent / "consent.min.css"])
    print(f"{'example site JS + CSS, gzipped':<44} {total:>7,} B  (budget {BUDGET:,} B: {'within' if total <= BUDGET else 'OVER'})")
    print("for comparison (from their published builds): orestbida/cookieconsent 3.1 about 15.5 KB, Klaro 0.7 about 69 KB,")
    print("Osano cookieconsent 3.1 about 8 KB, GOV.UK banner about 2.5 KB")
    return 0 if total <= BUDGET and engine <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
