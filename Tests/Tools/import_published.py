#!/usr/bin/env python3
"""Import real published cookie tables with `notice import` and count what comes back word for word.

    python3 Tests/Tools/import_published.py NOTICE FOLDER

FOLDER holds one JSON file per published page, as Tests/Tools/published_tables.py reads them (the
organisation, the language, and each table's heading, its column headings as published, and its rows).
Each page is written out as HTML in one of four markups councils' content systems produce, in turn:
a GOV.UK-style table (thead, th), a table without thead whose header cells are bold td, one big table
with a category column whose cells span their rows, and a table per cookie that labels each value on
its own row. The column and label words are the page's own. Then `notice import` makes a site of it,
`notice build` builds it, and each published row is looked for in the built cookies.json: name cell,
purpose and duration exactly as published (whitespace collapsed).
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

STYLES = ["govuk", "bold-td", "category-column", "labelled-rows"]


def squash(text):
    return re.sub(r"\s+", " ", text or "").strip()


def role_of(column):
    """Which JSON field a published column heading holds (the JSON keeps name, purpose, duration and
    provider; other columns are written out empty, as the page's own extra columns)."""
    words = column.lower()
    if any(word in words for word in ["purpose", "description", "what", "use", "diben", "why", "function", "details"]) and "used by" not in words:
        return "purpose"
    if any(word in words for word in ["expir", "last", "duration", "how long", "dod i ben", "retention", "lifetime", "lifespan"]):
        return "duration"
    if any(word in words for word in ["provider", "used by", "set by", "service", "darparwr"]):
        return "provider"
    if any(word in words for word in ["name", "cookie", "enw", "cwci"]):
        return "name"
    return None


def columns_of(table):
    """The published columns in their order, each with the JSON field it holds (or None)."""
    columns = table.get("columns") or ["Name", "Purpose", "Expires"]
    seen, result = set(), []
    for column in columns:
        role = role_of(column)
        if role in seen:
            role = None
        seen.add(role)
        result.append((column, role))
    if "name" not in seen and result:
        result[0] = (result[0][0], "name")
    return result


def cell(text):
    return html.escape(text or "", quote=False).replace("’", "&rsquo;")


def page(data, style):
    parts = [f"<!DOCTYPE html><html lang=\"{data.get('language', 'en')}\"><head><title>Cookies | {html.escape(data['organisation'])}</title></head>",
             "<body><header><nav><a href=\"/\">Home</a></nav></header><main><h1>Cookies</h1>",
             "<p>We use cookies to make this website work.</p>"]
    tables = data["tables"]

    def values(row, columns):
        return [row.get(role) if role else "" for _, role in columns]

    if style == "category-column":
        columns = columns_of(tables[0])
        heads = "".join(f"<td><b>{cell(column)}</b></td>" for column, _ in columns)
        parts.append(f"<table><tr><td><b>Category</b></td>{heads}</tr>")
        for table in tables:
            rows = table["rows"]
            for index, row in enumerate(rows):
                span = f"<td rowspan=\"{len(rows)}\">{cell(table.get('heading') or 'Cookies')}</td>" if index == 0 else ""
                parts.append(f"<tr>{span}" + "".join(f"<td>{cell(value)}</td>" for value in values(row, columns)) + "</tr>")
        parts.append("</table>")
    else:
        for table in tables:
            columns = columns_of(table)
            parts.append(f"<h2>{cell(table.get('heading') or 'Cookies')}</h2>")
            if style == "govuk":
                heads = "".join(f"<th scope=\"col\">{cell(column)}</th>" for column, _ in columns)
                parts.append(f"<table class=\"govuk-table\"><thead><tr>{heads}</tr></thead><tbody>")
                for row in table["rows"]:
                    parts.append("<tr>" + "".join(f"<td>{cell(value)}</td>" for value in values(row, columns)) + "</tr>")
                parts.append("</tbody></table>")
            elif style == "bold-td":
                heads = "".join(f"<td><strong>{cell(column)}</strong>" for column, _ in columns)
                parts.append(f"<table border=\"1\"><tr>{heads}")
                for row in table["rows"]:
                    parts.append("<tr>" + "".join(f"<td>{cell(value)}" for value in values(row, columns)))
                parts.append("</table>")
            else:
                for row in table["rows"]:
                    parts.append("<table>")
                    for (column, role), value in zip(columns, values(row, columns)):
                        if value:
                            parts.append(f"<tr><th>{cell(column)}</th><td>{cell(value)}</td></tr>")
                    parts.append("</table>")
    parts.append("</main><footer>Footer</footer></body></html>")
    return "\n".join(parts)


def built_rows(output):
    data = json.load(open(os.path.join(output, "cookies.json"), encoding="utf-8"))
    rows = set()
    for service in data.get("services", []):
        for item in service.get("cookies", []):
            rows.add((squash(item.get("label") or item.get("name")), squash(item.get("purpose")), squash((item.get("duration") or {}).get("text"))))
    return rows


def main():
    notice, folder = sys.argv[1], sys.argv[2]
    totals = {"pages": 0, "tables published": 0, "tables found": 0, "rows published": 0, "rows word for word": 0, "guesses": 0, "sites that build": 0}
    lines = []
    for index, name in enumerate(sorted(f for f in os.listdir(folder) if f.endswith(".json"))):
        data = json.load(open(os.path.join(folder, name), encoding="utf-8"))
        style = STYLES[index % len(STYLES)]
        with tempfile.TemporaryDirectory() as work:
            source = os.path.join(work, "cookies.html")
            open(source, "w", encoding="utf-8").write(page(data, style))
            imported = subprocess.run([notice, "import", source, os.path.join(work, "site")], capture_output=True, text=True)
            found = re.search(r"Imported (\d+) tables? \((\d+) cookie rows?\)", imported.stdout)
            guesses = sum(1 for line in imported.stderr.splitlines() if ": note: " in line and ("was taken from" in line or "names no service" in line or "says which category" in line))
            built = subprocess.run([notice, "build", "--site", os.path.join(work, "site"), "-o", os.path.join(work, "out")], capture_output=True, text=True)
            rows = built_rows(os.path.join(work, "out")) if built.returncode == 0 else set()
        published = [(squash(r["name"]), squash(r.get("purpose")), squash(r.get("duration"))) for t in data["tables"] for r in t["rows"]]
        same = sum(1 for row in published if row in rows)
        expected_tables = 1 if style == "category-column" else (sum(len(t["rows"]) for t in data["tables"]) if style == "labelled-rows" else len(data["tables"]))
        totals["pages"] += 1
        totals["tables published"] += expected_tables
        totals["tables found"] += int(found.group(1)) if found else 0
        totals["rows published"] += len(published)
        totals["rows word for word"] += same
        totals["guesses"] += guesses
        totals["sites that build"] += built.returncode == 0
        lines.append(f"{name:<40} {style:<16} tables {found.group(1) if found else 0}/{expected_tables}  rows {same}/{len(published)}  guesses {guesses}"
                     + ("" if built.returncode == 0 else "  (does not build)"))
    print("\n".join(lines))
    print(", ".join(f"{key}: {value}" for key, value in totals.items()))


if __name__ == "__main__":
    main()
