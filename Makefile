# terrac: the two entry points a fresh Debian 12 machine needs.
#   make demo   set up, build bin/terrac and run examples/hello.t
#   make test   set up, then go vet ./... and go test ./... (conformance included)

# Go: the one scripts/setup.sh fetched when the machine had none new enough
# (.toolchain/go), else /usr/local/go, else whatever is on PATH.
export PATH := $(CURDIR)/.toolchain/go/bin:/usr/local/go/bin:$(PATH)
SHELL := /bin/bash

GOTEST_FLAGS ?= -timeout 25m

.PHONY: all demo test setup build install clean

PREFIX ?= /usr/local

all: build

setup:
	@scripts/setup.sh --deps-only

build:
	@scripts/setup.sh

demo: build
	bin/terrac examples/hello.t

# Every test package runs the same terrac, built once (TERRAC_BIN). go test
# runs verbosely through a filter so the log shows each top-level test's wall
# time. go test runs even when go vet complains, so its closing lines are
# always the last thing printed; the target fails if either failed.
# The test build uses the installed layout (bin/terrac and bin/terra, the
# same program under Terra's name) so terralib.terrahome finds bin/terra.
TESTBIN := $(CURDIR)/bin/test/bin

test: setup
	@mkdir -p $(TESTBIN) && go build -o $(TESTBIN)/terrac ./cmd/terrac && ln -sf terrac $(TESTBIN)/terra
	@vet=0; go vet ./... || vet=$$?; \
	set -o pipefail; TERRAC_BIN=$(TESTBIN)/terrac go test -v $(GOTEST_FLAGS) ./... 2>&1 | awk -f scripts/gotest-filter.awk; rc=$$?; \
	if [ $$vet -ne 0 ]; then echo "make test: go vet failed" >&2; fi; \
	if [ $$rc -eq 0 ] && [ $$vet -ne 0 ]; then rc=$$vet; fi; \
	exit $$rc

# make install PREFIX=/opt/terrac: PREFIX/bin/terrac and PREFIX/bin/terra
# (Terra's command-line interface; terralib.terrahome is PREFIX).
install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 bin/terrac $(DESTDIR)$(PREFIX)/bin/terrac
	ln -sf terrac $(DESTDIR)$(PREFIX)/bin/terra

clean:
	rm -rf bin
