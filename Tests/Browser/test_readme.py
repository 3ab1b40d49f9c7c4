"""The README's "Start your own site" commands, run literally, one line at a time, as a new council team
would type them: the program installed by `make install` (into a prefix of the test's, with the debug
build `make test` compiled) and found on PATH; `cd` into the new site; `notice serve --open` until it
answers (there is no browser to open here, and it says so); then check and build."""
import os
import pathlib
import re
import shlex
import signal
import subprocess
import time
import urllib.request

from conftest import REPOSITORY


def commands_of(document, heading):
    """The first ```sh block under a heading, one command a line, comments after a command dropped."""
    text = (REPOSITORY / document).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines() if line.strip()]


def start_your_own_site_commands():
    return commands_of("README.md", "## Start your own site")


def test_the_readme_path_works_as_written(tmp_path):
    commands = start_your_own_site_commands()
    assert commands[0].startswith("make install") and any(c.startswith("notice init") for c in commands)
    prefix = tmp_path / "prefix"
    environment = {key: value for key, value in os.environ.items() if key != "NOTICE_THEMES"}
    environment["PATH"] = f"{prefix / 'bin'}:{environment.get('PATH', '')}"
    folder = tmp_path / "work"
    folder.mkdir()
    for command in commands:
        words = shlex.split(command)
        if words[:2] == ["make", "install"]:
            # The README's own words, with the test's prefix (and the build `make test` made).
            result = subprocess.run(words + [f"PREFIX={prefix}", "CONFIGURATION=debug"], cwd=REPOSITORY, capture_output=True,
                                    text=True, env=environment)
            assert result.returncode == 0, result.stdout + result.stderr
            continue
        if words[0] == "cd":
            folder = folder / words[1]
            assert folder.is_dir(), f"{command}: no such folder"
            continue
        if words[:2] == ["notice", "serve"]:
            serve(words, folder, environment)
            continue
        result = run(command, words, folder, environment)
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        if words[:2] == ["notice", "check"]:
            assert (result.stdout, result.stderr) == ("", ""), f"a fresh site is clean: {result.stderr}"
    assert (folder / "site.yaml").is_file(), "the commands end in the new site's folder"
    assert (folder / "output" / "cookies" / "index.html").is_file()
    assert 'integrity="sha384-' in (folder / "output" / "cookies" / "index.html").read_text(encoding="utf-8")
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines().count("/output/") == 1


def run(command, words, folder, environment):
    """A line as a shell runs it when it joins commands (`git init && git add .`), else the words themselves."""
    if any(operator in words for operator in ["&&", "||", "|", ";"]):
        return subprocess.run(["bash", "-c", command], cwd=folder, capture_output=True, text=True, env=environment)
    return subprocess.run(words, cwd=folder, capture_output=True, text=True, env=environment)


def run_lines(commands, folder, environment):
    """Each line in turn, as typed into one shell: `cd` moves on, anything else must succeed. Returns the
    folder the lines end in."""
    for command in commands:
        words = shlex.split(command)
        if words[0] == "cd":
            folder = folder / words[1]
            continue
        result = run(command, words, folder, environment)
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
    return folder


def test_a_site_repository_of_its_own_starts_as_publishing_md_shows(tmp_path):
    """docs/publishing.md's commands for a site repository, with the program `make test` built."""
    environment = {**os.environ, "PATH": f"{REPOSITORY / '.build' / 'debug'}:{os.environ.get('PATH', '')}",
                   "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.gov.uk",
                   "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.gov.uk",
                   "NOTICE_THEMES": str(REPOSITORY / "themes")}
    folder = run_lines(commands_of("docs/publishing.md", "## A site in a repository of its own"), tmp_path, environment)
    tracked = subprocess.run(["git", "ls-files"], cwd=folder, capture_output=True, text=True).stdout.split()
    assert "site.yaml" in tracked and ".gitignore" in tracked
    # The pipelines' commands, run at the repository's top, find the site.
    checked = subprocess.run(["notice", "check", "--strict"], cwd=folder, capture_output=True, text=True, env=environment)
    assert (checked.returncode, checked.stderr) == (0, "")


def serve(words, folder, environment):
    """The preview until it answers, then Ctrl-C, as a person would stop it."""
    process = subprocess.Popen(words, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
                               start_new_session=True)
    try:
        address = None
        deadline = time.monotonic() + 30
        while address is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            found = re.search(r"http://[0-9.:\[\]a-z]+/", line)
            address = found.group(0) if found else None
        assert address, "the preview says where it is"
        with urllib.request.urlopen(address + "cookies/", timeout=10) as response:
            assert response.status == 200
            assert b"notice-cookie-table" in response.read()
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_the_registry_comparisons_in_registry_md_run_as_written(tmp_path):
    """docs/registry.md's `notice diff` lines, run by bash in a site repository with two commits."""
    environment = {**os.environ, "PATH": f"{REPOSITORY / '.build' / 'debug'}:{os.environ.get('PATH', '')}",
                   "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.gov.uk",
                   "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.gov.uk",
                   "NOTICE_THEMES": str(REPOSITORY / "themes")}
    site = tmp_path / "site"
    for command in (["notice", "init", str(site)], ["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "First"]):
        assert subprocess.run(command, cwd=site if command[0] == "git" else tmp_path, env=environment, capture_output=True).returncode == 0
    (site / "site.yaml").write_text((site / "site.yaml").read_text(encoding="utf-8").replace("lifetime: 90 days", "lifetime: 180 days"), encoding="utf-8")
    assert subprocess.run(["git", "commit", "-qam", "Second"], cwd=site, env=environment, capture_output=True).returncode == 0
    for command in commands_of("docs/registry.md", "## Comparing two registries"):
        result = subprocess.run(["bash", "-c", command], cwd=site, env=environment, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        assert "Registry version" in result.stdout or '"oldVersion"' in result.stdout, result.stdout


def test_the_import_in_import_md_runs_as_written(tmp_path):
    """docs/import.md's commands, line by line, in a folder holding its example page where it says."""
    from conftest import NOTICE
    commands = commands_of("docs/import.md", "# Starting from the policy you already publish")
    assert commands[0].startswith("notice import")
    (tmp_path / "docs" / "examples").mkdir(parents=True)
    (tmp_path / "docs" / "examples" / "cookie-policy.html").write_bytes((REPOSITORY / "docs" / "examples" / "cookie-policy.html").read_bytes())
    environment = dict(os.environ, NOTICE_THEMES=str(REPOSITORY / "themes"), PATH=f"{NOTICE.parent}:{os.environ.get('PATH', '')}")
    folder = run_lines(commands, tmp_path, environment)
    registry = (folder / "registry.yaml").read_text(encoding="utf-8")
    assert '      - name: "ASP.NET_SessionId"\n        purpose: "Keeps track of the forms you fill in on our site"\n        duration: "When you close your browser"' in registry


def test_the_change_history_in_changes_md_runs_as_written(tmp_path):
    """docs/changes.md's lines, as typed in a site repository: the history started at the first commit,
    then a change to the registry recorded against the commit before it, and a strict check that passes."""
    import datetime
    environment = {**os.environ, "PATH": f"{REPOSITORY / '.build' / 'debug'}:{os.environ.get('PATH', '')}",
                   "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.gov.uk",
                   "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.gov.uk",
                   "NOTICE_THEMES": str(REPOSITORY / "themes")}
    environment.pop("SOURCE_DATE_EPOCH", None)
    site = tmp_path / "site"
    assert subprocess.run(["notice", "init", str(site), "--title", "Test Council"], cwd=tmp_path, env=environment, capture_output=True).returncode == 0
    run_lines(commands_of("docs/changes.md", "## Starting the history"), site, environment)
    assert (site / "changes.yaml").is_file()
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "First"]):
        assert subprocess.run(command, cwd=site, env=environment, capture_output=True).returncode == 0
    # The editor adds a survey tool to the registry (the necessary cookies' table shows it), and dates the
    # policy today.
    registry = (site / "registry.yaml").read_text(encoding="utf-8")
    (site / "registry.yaml").write_text(registry + "\n  - id: survey\n    name: Survey tool\n    category: necessary\n    cookies:\n"
                                        "      - name: survey_session\n        purpose: Keeps your answers while you fill in a survey.\n"
                                        "        duration: When you close your browser\n", encoding="utf-8")
    cookies = (site / "pages" / "cookies.md").read_text(encoding="utf-8")
    today = datetime.date.today().isoformat()
    cookies = re.sub(r"updated: \S+", f"updated: {today}", cookies, count=1)
    (site / "pages" / "cookies.md").write_text(cookies, encoding="utf-8")
    assert subprocess.run(["git", "commit", "-qam", "Second"], cwd=site, env=environment, capture_output=True).returncode == 0
    run_lines(commands_of("docs/changes.md", "## Recording a change"), site, environment)
    history = (site / "changes.yaml").read_text(encoding="utf-8")
    assert history.count("- date: ") == 2 and 'servicesAdded:\n    - {id: "survey", name: "Survey tool"}' in history, history
