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
	$(SWIFT) test --disable-xctest

release: ## Optimised build with the Swift runtime linked statically (runs alone)
	$(SWIFT) build -c release --static-swift-stdlib --product harbor-scaffold

install: release ## Install the binary into $(PREFIX)/bin
	install -d $(PREFIX)/bin
	install -s -m 0755 $(BIN) $(PREFIX)/bin/harbor-scaffold

DEMO := .build/demo/shared_workspace
demo: build ## Validate every sample draft, then scaffold the good ones in a scratch copy
	@echo "== harbor-scaffold validate: every draft in Samples/ (bad samples fail on purpose)"
	-@.build/debug/harbor-scaffold validate --workspace Samples/shared_workspace $$(ls Samples/shared_workspace/data_points)
	@rm -rf .build/demo && mkdir -p .build/demo && cp -R Samples/shared_workspace .build/demo/
	@echo "== harbor-scaffold <id>: scaffold every good draft into $(DEMO)"
	@.build/debug/harbor-scaffold --workspace $(DEMO) $$(ls $(DEMO)/data_points | grep -v -e _bad_ -e _hostile_)
	@echo "== one result: $(DEMO)/data_points/draft_dp_fastapi_invoice_n_plus_one"
	@ls -A $(DEMO)/data_points/draft_dp_fastapi_invoice_n_plus_one
	@echo "== harbor-scaffold lint: the new skeletons (TODO placeholders are expected at this stage)"
	@.build/debug/harbor-scaffold lint $(DEMO)/data_points --stage skeleton --fail-on warning | tail -1

bench: release ## Time `check` on synthetic workspaces of 1k, 10k and 100k drafts (BENCH_ARGS=... to change)
	$(SWIFT) build -c release --static-swift-stdlib --product harbor-scaffold-bench
	.build/release/harbor-scaffold-bench --binary $(BIN) $(BENCH_ARGS)

blueprints: ## Re-embed Blueprints/ into the binary's sources
	$(SWIFT) run embed-blueprints Blueprints Sources/HarborScaffoldKit/Generated/EmbeddedBlueprints.swift


clean: ## Remove build products
	rm -rf .build
