#!/usr/bin/env python3
"""Enter real published cookie tables into Notice registries, word for word, build them, and count what
comes out unchanged.

    python3 Tests/Tools/published_tables.py NOTICE FOLDER [--plain]

FOLDER holds one JSON file per published page ({"organisation", "language", "tables": [{"heading",
"rows": [{"name", "purpose", "duration", "provider"}]}]}), collected from public sources. Each page
becomes a site: one category per table, one service per provider (or per table), one registry row per
published row with the cells as written. With --plain, the name cell goes in `name:` as it is (all an
older Notice allowed); otherwise a cell that holds more than names goes in `label:`, with the names a
browser sets in `names:`, as docs/registry.md tells editors to. Rows with no published duration leave
`duration` out.

A table "builds verbatim" when `notice build` succeeds; a row "shows the published words" when its name
cell, purpose and duration read on the page exactly as published (whitespace collapsed).
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

CONNECTORS = {"and", "or", "a", "ac", "neu", "-", "–"}


def names_in(cell):
    """The names a cell seems to list (the same rule as Notice's PublishedNameCell)."""
    names, current, depth = [], "", 0

    def end():
        nonlocal current
        word = current.strip(".:;")
        if word and word.lower() not in CONNECTORS and word not in names:
            names.append(word)
        current = ""

    for ch in cell:
        if ch in "([":
            end()
            depth += 1
        elif ch in ")]":
            end()
            depth = max(0, depth - 1)
        elif depth > 0:
            continue
        elif ch in ",/&" or ch.isspace():
            end()
        else:
            current += ch
    end()
    return names


def quoted(text):
    return json.dumps(text, ensure_ascii=False)


def normal(text):
    return re.sub(r"\s+", " ", text or "").strip()


def registry_for(page, plain):
    lines = ["categories:"]
    services = []
    for index, table in enumerate(page["tables"]):
        category = f"table-{index + 1}"
        title = normal(table.get("heading")) or f"Table {index + 1}"
        lines += [f"  - id: {category}", f"    title: {quoted(title)}", f"    summary: {quoted(title)}"]
        by_provider = {}
        for row in table["rows"]:
            by_provider.setdefault(normal(row.get("provider")) or title, []).append(row)
        for number, (provider, rows) in enumerate(by_provider.items()):
            services.append((f"{category}-service-{number + 1}", provider, category, rows))
    lines.append("services:")
    entered = []
    for service_id, provider, category, rows in services:
        lines += [f"  - id: {service_id}", f"    name: {quoted(provider)}", f"    category: {category}", "    cookies:"]
        for row in rows:
            cell = normal(row.get("name"))
            purpose = normal(row.get("purpose"))
            if not cell or not purpose:
                entered.append(None)  # a row with no name or no purpose cannot be entered as published
                continue
            names = names_in(cell)
            if plain or names == [cell] or not names:
                lines.append(f"      - name: {quoted(cell)}")
                if cell[-1] in "_-.":
                    lines.append("        exact: true")
            else:
                lines.append(f"      - names: [{', '.join(quoted(n) for n in names)}]")
                lines.append(f"        label: {quoted(cell)}")
            lines.append(f"        purpose: {quoted(purpose)}")
            duration = normal(row.get("duration"))
            if duration:
                lines.append(f"        duration: {quoted(duration)}")
            entered.append((service_id, cell, purpose, duration))
    return "\n".join(lines) + "\n", entered


CELL = re.compile(r'<(th|td)[^>]*data-label="([^"]*)"[^>]*>(.*?)</\1>', re.S)


def text_of(fragment):
    return normal(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def rendered_rows(page_html):
    rows = []
    for body in re.findall(r"<tbody>(.*?)</tbody>", page_html, re.S):
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            rows.append([text_of(cell) for _, _, cell in CELL.findall(row)])
    return rows


def measure(notice, path, plain):
    page = json.load(open(path, encoding="utf-8"))
    registry, entered = registry_for(page, plain)
    language = page.get("language", "en")
    with tempfile.TemporaryDirectory() as root:
        site = os.path.join(root, "site")
        os.makedirs(os.path.join(site, "pages"))
        open(os.path.join(site, "registry.yaml"), "w", encoding="utf-8").write(registry)
        open(os.path.join(site, "site.yaml"), "w", encoding="utf-8").write(
            f"title: Test\nlanguage: {'cy' if language == 'cy' else 'en-GB'}\npolicyPage: cookies\n")
        open(os.path.join(site, "pages", "index.md"), "w").write("---\ntitle: Home\ndescription: Home.\n---\nHome.\n")
        open(os.path.join(site, "pages", "cookies.md"), "w").write(
            "---\ntitle: Cookies\ndescription: Cookies.\n---\n```cookie-table all\n```\n\n```consent-settings\n```\n")
        out = os.path.join(root, "out")
        result = subprocess.run([notice, "build", "--site", site, "--output", out], capture_output=True, text=True)
        diagnostics = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line or ": warning: " in line]
        if result.returncode != 0:
            return dict(file=os.path.basename(path), built=False, rows=len(entered), verbatim=0, diagnostics=diagnostics)
        shown = rendered_rows(open(os.path.join(out, "cookies", "index.html"), encoding="utf-8").read())
        not_stated = {"Not stated", "Heb ei nodi"}
        verbatim = 0
        for entry in entered:
            if entry is None:
                continue
            _, cell, purpose, duration = entry
            for row in shown:
                if len(row) < 3:
                    continue
                name, row_purpose, row_duration = row[0], row[-2], row[-1]
                name = re.sub(r" \((web beacon|network request only|local storage|session storage|ffagl we|storfa leol|storfa sesiwn)\)$", "", name)
                if name == cell and row_purpose == purpose and (row_duration == duration or (not duration and row_duration in not_stated)):
                    verbatim += 1
                    shown.remove(row)
                    break
        return dict(file=os.path.basename(path), built=True, rows=len(entered), verbatim=verbatim, diagnostics=diagnostics)


def main():
    notice, folder = sys.argv[1], sys.argv[2]
    plain = "--plain" in sys.argv
    results = [measure(notice, os.path.join(folder, name), plain)
               for name in sorted(os.listdir(folder)) if name.endswith(".json") and not name.startswith("welsh-duration")]
    for r in results:
        warnings = sum(": warning: " in d for d in r["diagnostics"])
        print(f"{r['file']:<45} {'built' if r['built'] else 'REFUSED':<8} {r['verbatim']:>3}/{r['rows']:<3} rows verbatim, {warnings} warnings")
        if not r["built"]:
            for d in r["diagnostics"][:3]:
                print("    " + d[:200])
    built = sum(r["built"] for r in results)
    rows = sum(r["rows"] for r in results)
    verbatim = sum(r["verbatim"] for r in results)
    print(f"{built} of {len(results)} tables build; {verbatim} of {rows} rows show their published name, purpose and duration")


if __name__ == "__main__":
    main()
