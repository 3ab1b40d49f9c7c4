"""`make install` as a web team would run it: the program and its themes into a prefix, then the
installed program, started from a folder that has nothing to do with Notice, builds the example site,
and starts a new one with `notice init`. (The debug build is installed here, so the test reuses what
`make test` compiled; a real install builds a release with the Swift runtime linked in.)"""
import os
import shutil
import subprocess

from conftest import REPOSITORY


def test_make_install_gives_a_program_that_works_from_any_folder(tmp_path):
    prefix = tmp_path / "prefix"
    environment = {key: value for key, value in os.environ.items() if key != "NOTICE_THEMES"}
    installed = subprocess.run(["make", "--no-print-directory", "install", f"PREFIX={prefix}", "CONFIGURATION=debug"],
                               cwd=REPOSITORY, capture_output=True, text=True, env=environment)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    notice = prefix / "bin" / "notice"
    assert os.access(notice, os.X_OK)
    assert (prefix / "share" / "notice" / "themes" / "default" / "templates" / "page.mustache").is_file()
    assert (prefix / "share" / "notice" / "themes" / "default" / "starter" / "site.yaml").is_file()
    # The docs and a man page made from the help.
    assert (prefix / "share" / "doc" / "notice" / "docs" / "registry.md").is_file()
    assert (prefix / "share" / "doc" / "notice" / "README.md").is_file()
    man = (prefix / "share" / "man" / "man1" / "notice.1").read_text(encoding="utf-8")
    assert man.startswith(".TH NOTICE 1") and ".SH notice build" in man and "--integrity" in man
    version = subprocess.run([str(notice), "--version"], capture_output=True, text=True).stdout.strip()
    assert f'"notice {version}"' in man
    # Nothing changed since: a second install builds nothing.
    again = subprocess.run(["make", "--no-print-directory", "install", f"PREFIX={prefix}", "CONFIGURATION=debug"],
                           cwd=REPOSITORY, capture_output=True, text=True, env=environment)
    assert again.returncode == 0 and "Building notice" not in again.stdout, again.stdout

    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    built = subprocess.run([str(notice), "build", "-s", str(REPOSITORY / "content"), "-o", "out"], cwd=elsewhere,
                           capture_output=True, text=True, env=environment)
    assert built.returncode == 0, built.stderr
    assert (elsewhere / "out" / "cookies" / "index.html").is_file()
    assert list((elsewhere / "out" / "assets").glob("notice.*.css"))

    # Found on PATH, as an installed program is started.
    on_path = {**environment, "PATH": f"{prefix / 'bin'}:{environment.get('PATH', '')}"}
    started = subprocess.run(["notice", "init", "new-site", "--title", "Test Council"], cwd=elsewhere, capture_output=True,
                             text=True, env=on_path)
    assert started.returncode == 0, started.stderr
    checked = subprocess.run(["notice", "check", "-s", "new-site", "--strict"], cwd=elsewhere, capture_output=True, text=True,
                             env=on_path)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    # Messages that point at the docs name the installed copy.
    refused = subprocess.run(["notice", "init", "polish", "--languages", "en-GB,pl"], cwd=elsewhere, capture_output=True, text=True,
                             env=on_path)
    assert refused.returncode == 1 and f"({prefix}/share/doc/notice/docs/languages.md)" in refused.stderr, refused.stderr

    # A copy of the program without its themes says it is an installation problem.
    lonely = tmp_path / "lonely" / "notice"
    lonely.parent.mkdir()
    shutil.copy(notice, lonely)
    failed = subprocess.run([str(lonely), "check", "-s", str(REPOSITORY / "content")], cwd=elsewhere, capture_output=True,
                            text=True, env=environment)
    assert failed.returncode == 1
    assert "problem with how Notice is installed" in failed.stderr

    removed = subprocess.run(["make", "--no-print-directory", "uninstall", f"PREFIX={prefix}"], cwd=REPOSITORY,
                             capture_output=True, text=True, env=environment)
    assert removed.returncode == 0 and not notice.exists() and not (prefix / "share" / "notice").exists()
    assert not (prefix / "share" / "doc" / "notice").exists() and not (prefix / "share" / "man" / "man1" / "notice.1").exists()
