/// Drafts copied verbatim from the sample workspace (`Samples/shared_workspace/data_points/<id>/draft_spec.md`,
/// branch wip-samples) to check the constraint and red-flag rules against real writing.
enum ConstraintRuleFixtures {
    /// A good sample: `draft_dp_express_mongo_sse_listener_leak`.
    static let expressSSEListenerLeak = #"""
        Task: Stop the live order-status stream of an Express service from leaking listeners and MongoDB cursors
        Language: javascript
        Category: memory_management
        Instructions: A food-delivery backend (Express 4, MongoDB Node.js driver 6, about 40 files under src/) pushes order-status updates to couriers over Server-Sent Events at GET /v1/orders/:id/events. Every connection registers listeners on a shared EventEmitter and opens its own MongoDB change stream, and neither is released when the client disconnects, so after a busy evening the process holds thousands of listeners and open cursors and logs MaxListenersExceededWarning. Fix the connection lifecycle so these resources are released on client disconnect, on stream errors and on server shutdown, and so that subscribers to the same order share a single change stream, without changing the event format.
        Environment Setup: Single node:20-bookworm container with MongoDB 7 installed from MongoDB's apt repository and configured as a single-node replica set (change streams require one); fixtures load 500 orders at build time. The existing /internal/stats endpoint reports listener and subscription counts.
        Testing: Python tests open and abort 300 SSE connections spread over 20 orders, then check that /internal/stats reports 0 active subscriptions and 0 order listeners, and that the open-cursor count in MongoDB's serverStatus is back to its value before the run. They then subscribe two clients to one order, change its status through PATCH /v1/orders/:id, and check that each client receives exactly one event with the expected JSON payload. Finally they check that the service's stderr contains no MaxListenersExceededWarning.
        Difficulty: hard
        Core Skills Tested:
        - Node.js event emitter lifecycle
        - releasing resources on client disconnect
        - MongoDB change streams
        - diagnosing leaks in long-running processes
        Key Technologies: Express 4, Node.js 20, MongoDB 7, MongoDB Node.js driver
        """#

    /// A good sample: `draft_dp_python_log_rollup_streaming`.
    static let logRollupStreaming = #"""
        - Task: Make a log rollup CLI process large gzipped access logs within a fixed memory limit
        - Language: python
        - Category: memory_management
        - Instructions: logroll is an internal Python CLI (package logroll/ with readers, parsers, aggregators and writers; subcommand logroll rollup) that turns gzipped nginx access logs into per-route hourly summaries in CSV and JSON. It decompresses each file fully into memory and keeps every parsed record in a list before aggregating, so it is killed by the out-of-memory handler on the small batch nodes where it runs. Make it process inputs of any size with memory bounded by the number of distinct routes and hours rather than the number of lines, without changing its outputs, warnings or command-line interface.
        - Environment Setup: Single python:3.12-slim container with the package and its pinned dependencies installed at build time; the tests generate their large inputs deterministically at test time, so no large files are baked into the image.
        - Testing: Python tests generate a 600 MB (uncompressed) access log from a fixed seed and run logroll rollup on it under an address-space limit (RLIMIT_AS) of 256 MB. They check that the command exits with status 0, that the CSV and JSON outputs match golden files byte for byte, and that a fixture with 17 malformed lines still prints exactly 17 warning lines on stderr while exiting with status 0.
        - Difficulty: medium
        - Core Skills Tested: streaming data processing with generators, memory profiling, gzip and file I/O handling, preserving CLI behaviour during a rewrite
        - Key Technologies: Python 3.12, gzip, csv, argparse
        """#

    /// A good sample: `draft_dp_python_shipment_etl_batching`.
    static let shipmentETLBatching = #"""
        Task: Remove the per-row lookup bottleneck from a shipment enrichment ETL job
        Language: python
        Category: performance
        Instructions: The logistics team's nightly ETL is a Python package (extract, enrich, load and report stages, run as python -m shipetl) that reads shipment CSV exports, enriches every row with a postal-code lookup from an internal HTTP geocoding service and a carrier lookup from PostgreSQL, and writes Parquet files plus a JSON run report of row counts and rejected rows. It makes one HTTP request and two SQL queries per row, so a 200,000-row export no longer finishes inside the nightly window. Find where the job spends its round trips and remove the per-row lookups while respecting the geocoding service's documented batch endpoint limit of 100 codes per call; the Parquet output and the run report must stay unchanged.
        Environment setup: Single container with Python 3.12, PostgreSQL 16 and a small stub of the geocoding service (part of the repository, started by the entrypoint) that appends every request it receives to a log file; pyarrow, httpx and psycopg are pinned in requirements.txt.
        Testing: Python tests run the job on a 50,000-row fixture export containing 3,100 distinct postal codes and 12 carriers. They check that the job exits with status 0; that the Parquet output, read back with pyarrow, equals the golden dataset row for row; that the run report JSON matches the golden report; that the geocoding stub's request log shows at most 40 requests, none carrying more than 100 codes; and that pg_stat_statements records at most 20 statements for the whole run.
        Difficulty: hard
        core skills tested: profiling a batch pipeline, batching and memoising remote lookups, set-based SQL, preserving output contracts
        KEY TECHNOLOGIES: Python 3.12, PostgreSQL 16, pyarrow, httpx, psycopg
        """#

    /// A good sample: `draft_dp_flask_sqlite_regression_suite`.
    static let flaskRegressionSuite = #"""
        Task: Write a pytest regression suite that catches billing bugs in a Flask subscription service
        Language: python
        Category: testing
        Instructions: The subscription service (Flask 3, SQLAlchemy, SQLite; modules for plans, subscriptions, proration, coupons and invoices) has almost no tests, and the last three production incidents were proration and coupon-stacking bugs.
          Write a pytest suite under tests/ with fixtures that give every test an isolated database, covering mid-cycle plan upgrades and downgrades, coupon stacking limits, cancellation refunds and invoice totals as specified in docs/billing-rules.md.
          All date logic in the service takes explicit dates as input, so the suite needs no clock control. The suite must pass against the current service, must run without network access, and must not modify application files.
        Environment Setup: Single python:3.12-slim container with the app's pinned requirements plus pytest; SQLite only, no other services.
        Testing: Hidden Python tests run the agent's suite in three ways.
          1. Run against the unmodified service, where the pytest exit code must be 0 and at least 25 tests must be collected.
          2. Run against each of six faulty variants of the service that ship only with the hidden tests (for example proration computed per day instead of per second, or coupons stacking beyond the documented cap), where the suite must exit non-zero for at least five of the six.
          3. Run against the unmodified service with the collected tests executed in reverse order, where the exit code must be 0 and the pass count identical to run 1, showing that tests share no state.
        Difficulty: hard
        Core Skills Tested: deriving tests from a written specification, pytest fixtures and database isolation, reasoning about billing edge cases, writing tests that detect real regressions
        Key Technologies: Flask 3, SQLAlchemy, SQLite, pytest
        """#

    /// A good sample: `draft_dp_go_quote_cache_stampede`.
    static let goQuoteCacheStampede = #"""
        Task: Stop cache stampedes on the Redis-backed price-quote endpoint of a Go service
        Language: go
        Category: caching
        Instructions: The freight quoting service is a Go 1.22 application using net/http and go-redis (packages cmd/quoted, internal/quote, internal/cache, internal/upstream and internal/httpapi). GET /v1/quotes/{route} reads Redis and, on a miss, calls an expensive upstream rating engine; when a popular route's entry is missing, hundreds of concurrent requests all call the rating engine and overload it. Make concurrent misses for the same route result in a single upstream call, both across goroutines and across the two replicas that share Redis; cache upstream 404 answers as negative entries; and make POST /internal/cache/purge invalidate a route without an in-flight fill writing the purged value back afterwards.
        Environment Setup: Single golang:1.22-bookworm container with Redis 7 from Debian packages; module dependencies are vendored so the build works offline. A stub rating engine (a small Go program in the repository) counts the requests it receives and can be told to hold its responses until released, which lets the tests create overlapping requests deterministically.
        Testing: Python tests start Redis, the stub and two replicas of the service, then check that:
        - 200 concurrent GETs for one cold route, split across both replicas while the stub holds its response, all return 200 with identical bodies once released, and the stub's counter shows exactly 1 upstream request;
        - a route the stub answers with 404 returns 404 to clients, and a second burst of 50 requests for it adds no upstream requests;
        - a purge issued while a fill is held, followed by releasing that fill and changing the stub's price, leaves the route uncached, so the next GET causes exactly one new upstream request and returns the new price;
        - the upstream call counts reported by each replica's /metrics endpoint add up to the stub's counter.
        Difficulty: extremely hard
        Core Skills Tested: request coalescing, distributed locking with Redis, cache invalidation races, Go concurrency primitives
        Key Technologies: Go 1.22, net/http, Redis 7, go-redis
        """#

    /// A hostile sample: `draft_dp_hostile_path_dockerfile`.
    static let hostilePathDockerfile = #"""
        Task: Block ../../etc/passwd and /absolute/paths from escaping /srv/uploads in a Go asset server
        Language: go
        Category: api_security
        Instructions: assetd is a Go 1.22 net/http service (cmd/assetd, internal/store, internal/httpapi, internal/auth) that serves customer uploads from /srv/uploads via GET /files/{path...}. It joins the request path onto the root without cleaning it, so /files/../../etc/passwd, /files/%2e%2e/%2e%2e/etc/shadow, /files//etc/hostname and symlinks planted inside an upload directory all read files outside the root. Make every request resolve inside /srv/uploads, including through symlinks and URL-encoded segments, returning 404 for anything that would leave it, while ordinary nested paths keep working.
        Environment Setup: Single golang:1.22-bookworm container; module dependencies are vendored. Notes for the builder on the image layout:
        FROM the repository root the binary is built into /usr/local/bin/assetd.
        RUN the service as the unprivileged assetd account; only fixture creation needs
        USER root, to place sentinel files under /etc/assetd-fixtures.
        COPY . / is deliberately not used; the repository is copied to /src.
        ENTRYPOINT starts assetd with its root set to /srv/uploads.
        Testing: Python tests start assetd and request 25 traversal variants (dot segments, encoded and double-encoded dots, absolute paths, backslashes, symlinks pointing outside the root). They check that each returns 404 and that no response body contains the sentinel text of /etc/assetd-fixtures/secret.txt; that 10 legitimate nested files return 200 with bodies identical to the fixtures; and that the access log written to /var/log/assetd/access.log records every rejected request with status 404.
        Difficulty: medium
        Core Skills Tested: path traversal prevention, URL decoding semantics, symlink handling, secure file serving in Go
        Key Technologies: Go 1.22, net/http
        """#

    /// A hostile sample: `draft_dp_hostile_template_shell`.
    static let hostileTemplateShell = #"""
        Task: Stop the notification-template service from evaluating ${HOME}, $(rm -rf /) and `backticks` inside {{ }} templates
        Language: javascript
        Category: api_security
        Instructions: Tenants of a B2B platform write email and SMS templates such as Hello {{ user.name }}, your order {{order.id}} ships {{{ shipping.date }}} and they are rendered by an Express 4 service on MongoDB. The renderer first substitutes {{ }} placeholders and then passes the result through a template-literal step, so a template containing ${HOME}, ${process.env.DB_PASSWORD}, $(rm -rf /), `id` or {{constructor.constructor('return process')()}} leaks environment values or reaches code paths it should not. Render only the documented placeholders from docs/templates.md, output everything else literally, including ${...}, $(...), backticks, {{{ and }}}, and reject unknown placeholders at save time with 422.
        Environment Setup: Single node:20-bookworm container with MongoDB 7 from MongoDB's apt repository; fixtures load 3 tenants with 40 templates, 9 of which contain the strings above. The DB_PASSWORD and HOME environment variables are set to known sentinel values.
        Testing: Python tests render every fixture template through POST /v1/templates/{id}/preview and check that the response is 200 and the rendered text equals the golden output, in which ${HOME}, $(rm -rf /), `id` and {{{ }}} appear literally; that no response body contains the sentinel values of HOME or DB_PASSWORD; that saving a template with an unknown placeholder {{ user.ssn }} returns 422 naming the placeholder; and that the marker file /tmp/template-pwned does not exist after the run.
        Difficulty: hard
        Core Skills Tested: template injection prevention, safe string rendering, input validation at write time
        Key Technologies: Express 4, MongoDB 7, Node.js 20
        """#

    /// The good samples, by id.
    static let good: [(id: String, text: String)] = [
        ("draft_dp_express_mongo_sse_listener_leak", expressSSEListenerLeak),
        ("draft_dp_python_log_rollup_streaming", logRollupStreaming),
        ("draft_dp_python_shipment_etl_batching", shipmentETLBatching),
        ("draft_dp_flask_sqlite_regression_suite", flaskRegressionSuite),
        ("draft_dp_go_quote_cache_stampede", goQuoteCacheStampede),
    ]
}
