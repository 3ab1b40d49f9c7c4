"""Prints the consent script's size as pages download it, raw and gzipped (`gzip -9 -n`): for the example
site, and for a generated large registry (40 services, 150 cookies, 4 optional categories, random names,
about 60 of them patterns).

    python3 Tests/Benchmarks/consent_size.py [OUTPUT_DIR] [--notice PATH]

What every page load fetches is consent.js + consent.css; the budget (4,096 bytes gzipped) holds for both
sites. consent-settings.js and .css are fetched only when a visitor opens the settings, is on the policy
page, or refuses a category; their sizes are printed too. Exit status 1 when a budget is missed.
"""
import argparse
import gzip
import os
import pathlib
import random
import string
import subprocess
import sys
import tempfile

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
BUDGET = 4096
WORDS = ("we use these cookies to understand how you use the website measure visits remember your choices "
         "show videos from other sites improve our services count pages find out which parts help people "
         "keep you signed in and make the site faster for everyone who visits").split()


def gzipped(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def random_name(rng, low=4, high=12):
    first = rng.choice(string.ascii_letters + "_")
    rest = "".join(rng.choice(string.ascii_letters + string.digits + "_-") for _ in range(rng.randint(low, high) - 1))
    return first + rest


def large_site(root, seed=13, welsh=False):
    """A site whose registry has 40 services and 150 cookies in 4 optional categories (and one necessary),
    with random names, 60 of them patterns; its policy page has a section and a table for each category."""
    rng = random.Random(seed)
    categories = ["analytics", "functional", "marketing", "personalisation"]
    lines = ["categories:"]
    for category in categories:
        lines += [f"  - id: {category}", f"    title: {category.capitalize()} cookies",
                  f"    summary: {sentence(rng, 12)}", f"    description: {sentence(rng, 30)}"]
    lines += ["  - id: necessary", "    title: Strictly necessary cookies", "    necessary: true", "services:"]
    cookies, patterns = 150, 60
    per_service = [cookies // 40 + (1 if index < cookies % 40 else 0) for index in range(40)]
    made = 0
    for index, count in enumerate(per_service):
        lines += [f"  - id: service-{index}", f"    name: {random_name(rng, 5, 14).strip('_-').capitalize() or 'Service'} {index}",
                  f"    category: {categories[index % len(categories)]}", "    cookies:"]
        for _ in range(count):
            name = random_name(rng)
            if made < patterns:
                name += rng.choice(["_<id>", "*", "_<site-id>_<session>", "-{n}"])
            made += 1
            lines += [f"      - name: \"{name}\"", f"        purpose: {sentence(rng, 10)}", "        duration: 1 year"]
    lines += ["  - id: cookie-management", "    name: Cookie settings", "    category: necessary", "    consentManager: true"]
    (root / "pages").mkdir(parents=True)
    (root / "registry.yaml").write_text("\n".join(lines) + "\n")
    languages = "languages:\n  - code: en-GB\n  - code: cy\n" if welsh else ""
    (root / "site.yaml").write_text("title: Large Registry Council\nbaseURL: https://www.example.gov.uk\npolicyPage: cookies\n"
                                    "consent:\n  domain: example.gov.uk\n" + languages)
    body = ["---", "title: Cookies", "---", ""]
    for category in categories:
        body += [f"## {category.capitalize()} cookies", "", f"```cookie-table category={category}", "```", ""]
    body += ["## Strictly necessary cookies", "", "```cookie-table category=necessary", "```", "",
             "## Change your settings", "", "```consent-settings", "```", ""]
    (root / "pages" / "cookies.md").write_text("\n".join(body))
    (root / "pages" / "index.md").write_text("---\ntitle: Home\n---\n\nWelcome.\n")
    if welsh:
        (root / "pages" / "cookies.cy.md").write_text("\n".join(body).replace("title: Cookies", "title: Cwcis"))
        (root / "pages" / "index.cy.md").write_text("---\ntitle: Hafan\n---\n\nCroeso.\n")
    return root


def build(notice, site, output):
    result = subprocess.run([notice, "build", "--site", str(site), "--output", str(output)], capture_output=True, text=True,
                            env={**os.environ, "NOTICE_THEMES": str(REPOSITORY / "themes")})
    if result.returncode != 0:
        sys.exit(f"could not build {site}:\n{result.stderr}")
    return output


def report(label, output):
    """Prints one site's figures (one language's: `output` is its folder); returns what a page load fetches, gzipped."""
    script = (output / "consent.js").read_bytes()
    stylesheet = (output / "consent.css").read_bytes()
    settings = next(output.glob("consent-settings.*.js")).read_bytes()
    settings_css = next(output.glob("consent-settings.*.css")).read_bytes()
    page = gzipped(script) + gzipped(stylesheet)
    print(label)
    print(f"  {'consent.js':<40} {len(script):>7,} B raw {gzipped(script):>7,} B gzipped")
    print(f"  {'consent.css':<40} {len(stylesheet):>7,} B raw {gzipped(stylesheet):>7,} B gzipped")
    print(f"  {'every page: consent.js + consent.css':<40} {'':>13} {page:>7,} B gzipped "
          f"(budget {BUDGET:,} B: {'within' if page <= BUDGET else 'OVER'})")
    on_demand = gzipped(settings) + gzipped(settings_css)
    print(f"  {'on demand: consent-settings.js':<40} {len(settings):>7,} B raw {gzipped(settings):>7,} B gzipped")
    print(f"  {'on demand: consent-settings.css':<40} {len(settings_css):>7,} B raw {gzipped(settings_css):>7,} B gzipped")
    print(f"  {'policy page or settings opened: all four':<40} {'':>13} {page + on_demand:>7,} B gzipped")
    return page


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("output", nargs="?", default=str(REPOSITORY / "output"), help="the example site's built output")
    arguments.add_argument("--notice", default=str(REPOSITORY / ".build" / "release" / "notice"))
    options = arguments.parse_args()
    print("Notice consent script, sizes as downloaded (gzip -9 -n)")
    figures = [report("Example site (Kent County Council)", pathlib.Path(options.output))]
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        site = large_site(folder / "site")
        figures.append(report("Generated registry (40 services, 150 cookies, 4 optional categories, 60 patterns)",
                              build(options.notice, site, folder / "output")))
        bilingual = build(options.notice, REPOSITORY / "Tests" / "Bilingual" / "site", folder / "bilingual")
        figures.append(report("Bilingual test site, English pages", bilingual))
        figures.append(report("Bilingual test site, Welsh pages (cy/)", bilingual / "cy"))
        welsh = build(options.notice, large_site(folder / "large-cy", welsh=True), folder / "large-cy-output")
        figures.append(report("Generated registry in English and Welsh, Welsh pages (cy/)", welsh / "cy"))
    print("for comparison (from their published builds): orestbida/cookieconsent 3.1 about 15.5 KB, Klaro 0.7 about 69 KB,")
    print("Osano cookieconsent 3.1 about 8 KB, GOV.UK banner about 2.5 KB")
    return 0 if all(figure <= BUDGET for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
