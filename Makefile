# groq: build, test, install. `make install PREFIX=$HOME/.local` installs without root.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share
SWIFT ?= swift
SHELL = /bin/bash
# The installed binary links the Swift runtime statically: it then runs without the toolchain and starts faster
# (platform-notes section 1). Linking it needs libcurl4-openssl-dev.
# PIE=0 (the default) links a fixed-address executable: the 58 MB of static Swift and Foundation then need no
# 78,000 start-up relocations, and `groq --version` costs 8.0 instead of 8.9 ms of CPU (curl: 6.8). The price is
# no address randomisation for groq's own code (the C libraries keep theirs); `make release PIE=1` keeps it.
PIE ?= 0
# --disable-local-rpath: SwiftPM would add $$ORIGIN to the runpath, so an installed groq would look for libcurl and
# libedit in its own bin directory first (17 failed opens per start, and a place to plant a library); the static
# build needs no library of its own beside it.
# -disable-autolink-library curl and --no-export-dynamic: groq loads libcurl (and libedit) itself when a command
# first needs it (Sources/CLazyLibrary), which took 6 of the 9 ms `groq --version` cost. FoundationNetworking would
# otherwise link libcurl into every start, and Swift's static link exports all 2,600 of groq's own symbols, which
# the dynamic linker then searched first for each of the ~9,000 symbols libcurl's thirty libraries need (0.4 ms).
# -disable-concrete-type-metadata-mangled-name-accessors: Swift otherwise finds the metadata of a type such as
# [String: String] by its mangled name at run time, and checks its Hashable requirement by searching every protocol
# conformance in the 80 MB binary (0.1 ms per first use); with it, the compiler passes what it already knows.
# 50 KB more code; 0.4 ms less for `groq --version`.
RELEASE_FLAGS = -c release --static-swift-stdlib --disable-local-rpath --scratch-path .build-static \
	-Xswiftc -Xfrontend -Xswiftc -disable-autolink-library -Xswiftc -Xfrontend -Xswiftc curl \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xlinker --no-export-dynamic $(if $(filter 0,$(PIE)),-Xlinker -no-pie)

.PHONY: build test lint release install uninstall docs bench clean setup

build:
	$(SWIFT) build

# Warnings are errors here and in CI. Every test is written in Swift Testing, so XCTest's empty run is left out.
test:
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	$(SWIFT) test --skip-build --disable-xctest

# The toolchain's swift-format with .swift-format; tests are left out for their long JSON fixtures.
lint:
	$(SWIFT) format lint --strict -r Sources Package.swift

# The static link prints glibc's link-time warning "the use of `mktemp' is dangerous" about code inside
# Foundation's static library; it alarms users and is not groq's to fix, so it is dropped.
release:
	set -o pipefail; $(SWIFT) build $(RELEASE_FLAGS) --product groq 2>&1 | sed '/use of .mktemp. is dangerous/d'

# The README's first command: system packages, one build, install into ~/.local (see scripts/setup).
setup:
	scripts/setup

# The binary is stripped: symbols are most of the file (77 MB unstripped), and Swift's backtraces do without them.
install: release
	install -d $(BINDIR) $(SHAREDIR)/man/man1 $(SHAREDIR)/bash-completion/completions \
		$(SHAREDIR)/zsh/site-functions $(SHAREDIR)/fish/vendor_completions.d
	install -m 755 .build-static/release/groq $(BINDIR)/groq
	strip $(BINDIR)/groq 2>/dev/null || echo "strip not found (binutils): installed unstripped" >&2
	install -m 644 man/groq.1 $(SHAREDIR)/man/man1/groq.1
	install -m 644 Completions/groq.bash $(SHAREDIR)/bash-completion/completions/groq
	install -m 644 Completions/_groq $(SHAREDIR)/zsh/site-functions/_groq
	install -m 644 Completions/groq.fish $(SHAREDIR)/fish/vendor_completions.d/groq.fish

uninstall:
	rm -f $(BINDIR)/groq $(SHAREDIR)/man/man1/groq.1 $(SHAREDIR)/bash-completion/completions/groq \
		$(SHAREDIR)/zsh/site-functions/_groq $(SHAREDIR)/fish/vendor_completions.d/groq.fish

# Completions, the man page and help snapshots come from the command description; a test fails when they drift.
docs: build
	.build/debug/groq completion bash > Completions/groq.bash
	.build/debug/groq completion zsh > Completions/_groq
	.build/debug/groq completion fish > Completions/groq.fish
	.build/debug/groq __man > man/groq.1
	.build/debug/groq --help > Tests/GroqCLITests/Snapshots/groq.txt
	.build/debug/groq chat --help > Tests/GroqCLITests/Snapshots/chat.txt
	.build/debug/groq reason --help > Tests/GroqCLITests/Snapshots/reason.txt
	.build/debug/groq models --help > Tests/GroqCLITests/Snapshots/models.txt
	for c in transcribe translate speak config auth conversations roles; do .build/debug/groq $$c --help > Tests/GroqCLITests/Snapshots/$$c.txt; done
	for g in batch files; do .build/debug/groq $$g --help > Tests/GroqCLITests/Snapshots/$$g.txt; done
	for c in prepare submit status wait results list cancel run; do .build/debug/groq batch $$c --help > Tests/GroqCLITests/Snapshots/batch-$$c.txt; done
	for c in list upload info download delete; do .build/debug/groq files $$c --help > Tests/GroqCLITests/Snapshots/files-$$c.txt; done

bench:
	bench/run

clean:
	rm -rf .build .build-static
