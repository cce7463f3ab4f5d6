# harbor-scaffold — common tasks. `make help` lists them.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/harbor-scaffold

.PHONY: help build test release install demo blueprints bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## Debug build
	$(SWIFT) build

test: ## Run the whole test suite (what CI runs)
	$(SWIFT) test

release: ## Optimised build with the Swift runtime linked statically (runs alone)
	$(SWIFT) build -c release --static-swift-stdlib --product harbor-scaffold

install: release ## Install the binary into $(PREFIX)/bin
	install -d $(PREFIX)/bin
	install -m 0755 $(BIN) $(PREFIX)/bin/harbor-scaffold

demo: build ## Validate every sample draft, then scaffold a good one into a scratch copy
	./Scripts/demo.sh

blueprints: ## Re-embed Blueprints/ into the binary's sources
	$(SWIFT) run embed-blueprints Blueprints Sources/HarborScaffoldKit/Generated/EmbeddedBlueprints.swift

bench: release ## Benchmark on synthetic workspaces (prints numbers)
	./Scripts/bench.sh

clean: ## Remove build products
	rm -rf .build
