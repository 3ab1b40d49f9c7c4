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


def start_your_own_site_commands():
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own site", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    # A comment after the command is for the reader.
    return [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines() if line.strip()]


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
        result = subprocess.run(words, cwd=folder, capture_output=True, text=True, env=environment)
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        if words[:2] == ["notice", "check"]:
            assert (result.stdout, result.stderr) == ("", ""), f"a fresh site is clean: {result.stderr}"
    assert (folder / "site.yaml").is_file(), "the commands end in the new site's folder"
    assert (folder / "output" / "cookies" / "index.html").is_file()
    assert 'integrity="sha384-' in (folder / "output" / "cookies" / "index.html").read_text(encoding="utf-8")
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines().count("/output/") == 1


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
