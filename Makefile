# Notice: `make site` builds the example site into output/, `make test` runs every test.
# Both install what they need on Debian (as root, or with sudo) the first time they run.

SWIFT        ?= swift
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS   := libcmark-dev pkg-config
SITE         ?= content
OUTPUT       ?= output

.PHONY: site test build release deps clean help

help:
	@echo "make site   build the example site into $(OUTPUT)/"
	@echo "make test   run every test"
	@echo "make clean  remove build products and output"

## site: install what is needed, build notice, build the example site into output/.
site: release
	.build/release/notice build --site $(SITE) --output $(OUTPUT)
	@echo "Open $(CURDIR)/$(OUTPUT)/cookies/index.html in a browser."

## test: install what is needed, then run the unit and whole-site tests.
test: deps
	$(SWIFT) build
	$(SWIFT) test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product notice

## deps: Debian packages that Notice needs to build (libcmark through pkg-config).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "Notice needs the Swift 6 toolchain: https://www.swift.org/install/linux/"; exit 1; }
	@missing=""; for package in $(BUILD_DEBS); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf .build $(OUTPUT)
