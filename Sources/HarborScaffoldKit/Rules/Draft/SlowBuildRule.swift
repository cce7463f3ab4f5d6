/// D402: the environment is unlikely to build in five minutes.
struct SlowBuildRule: DraftRule {
    static let description = RuleDescription(
        id: "D402", name: "slow-build", title: "Environment risks the 5-minute Docker build", severity: .warning,
        rationale: """
            The pipeline's Docker constraints: "Build Time: Docker containers must build in under 5 minutes" and \
            "Dependencies: Be mindful of package installation time". Compiling large systems from source, \
            installing CUDA, downloading gigabytes of data or starting a fleet of services in one container does \
            not fit.
            """,
        triggering: [
            DraftExample.with([
                .environmentSetup: "Ubuntu 24.04 container that compiles LLVM 18 from source with the custom pass enabled.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI; the full Wikipedia dump (about 22 GB) is downloaded at build time.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI, PostgreSQL, Redis, RabbitMQ and MongoDB in one container.",
            ]),
            DraftExample.with([.keyTechnologies: "FastAPI, Kafka, Elasticsearch, pytest"]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI and Redis; tests generate a 2 GB request log at test time, so no large files are baked into the image.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI, PostgreSQL and Redis, no Kafka or Elasticsearch; the C extension is built from source with GCC.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with CPU-only PyTorch wheels (no CUDA) and a 40 MB sample of a Wikipedia dump.",
            ]),
        ])

    private static let kinds: Set<DraftFieldKind> = [.instructions, .environmentSetup, .testing, .keyTechnologies]

    // MARK: Services

    private struct Service {
        let name: String
        let heavy: Bool
        let phrases: [String]
    }

    private static let services: [Service] = [
        Service(name: "PostgreSQL", heavy: false, phrases: ["postgresql", "postgres", "postgis", "timescaledb"]),
        Service(name: "MySQL", heavy: false, phrases: ["mysql", "mysql server"]),
        Service(name: "MariaDB", heavy: false, phrases: ["mariadb"]),
        Service(name: "MongoDB", heavy: false, phrases: ["mongodb", "mongo", "mongod"]),
        Service(name: "Redis", heavy: false, phrases: ["redis", "valkey"]),
        Service(name: "Memcached", heavy: false, phrases: ["memcached", "memcache"]),
        Service(name: "RabbitMQ", heavy: false, phrases: ["rabbitmq"]),
        Service(name: "ZooKeeper", heavy: false, phrases: ["zookeeper"]),
        Service(name: "MinIO", heavy: false, phrases: ["minio"]),
        Service(name: "etcd", heavy: false, phrases: ["etcd"]),
        Service(name: "Consul", heavy: false, phrases: ["consul"]),
        Service(name: "NATS", heavy: false, phrases: ["nats", "nats server", "nats jetstream"]),
        Service(name: "Redpanda", heavy: false, phrases: ["redpanda"]),
        Service(name: "ClickHouse", heavy: false, phrases: ["clickhouse"]),
        Service(name: "InfluxDB", heavy: false, phrases: ["influxdb"]),
        Service(name: "CouchDB", heavy: false, phrases: ["couchdb"]),
        Service(name: "Mosquitto", heavy: false, phrases: ["mosquitto"]),
        Service(name: "Vault", heavy: false, phrases: ["hashicorp vault"]),
        Service(name: "Kafka", heavy: true, phrases: ["kafka", "apache kafka"]),
        Service(name: "Elasticsearch", heavy: true, phrases: ["elasticsearch", "elastic search", "opensearch"]),
        Service(name: "Cassandra", heavy: true, phrases: ["cassandra", "scylladb", "scylla"]),
        Service(name: "Neo4j", heavy: true, phrases: ["neo4j"]),
        Service(name: "Solr", heavy: true, phrases: ["solr", "apache solr"]),
        Service(name: "Hadoop", heavy: true, phrases: ["hadoop", "hdfs"]),
        Service(name: "Spark", heavy: true, phrases: ["apache spark", "pyspark", "spark cluster"]),
        Service(name: "Flink", heavy: true, phrases: ["flink", "apache flink"]),
        Service(name: "Pulsar", heavy: true, phrases: ["apache pulsar", "pulsar"]),
        Service(name: "Keycloak", heavy: true, phrases: ["keycloak"]),
        Service(name: "SQL Server", heavy: true, phrases: ["sql server", "mssql"]),
        Service(name: "Oracle Database", heavy: true, phrases: ["oracle database", "oracle db"]),
    ]

    private static let servicePhrases = FlagPhrases(services.flatMap(\.phrases))
    private static let serviceOwner: [Int] = services.indices.flatMap { index in services[index].phrases.map { _ in index } }

    /// Distinct services at which one container no longer starts quickly.
    static let serviceLimit = 4

    // MARK: Other risks

    private static let heavySystems = [
        "llvm", "clang", "chromium", "linux kernel", "the linux kernel", "a linux kernel", "the kernel",
        "a custom kernel", "gcc", "tensorflow", "pytorch", "qt", "qt5", "qt6", "boost", "opencv", "v8", "webkit",
        "firefox", "libreoffice", "aosp",
    ]

    /// `compile LLVM`, `building Chromium`: a large system built in the image.
    private static let compiles = FlagPhrases(
        ["compile", "compiles", "compiled", "compiling", "build", "builds", "building", "rebuild", "rebuilds"]
            .flatMap { verb in heavySystems.map { "\(verb) \($0)" } })

    /// A large system or runtime with `from source` in its sentence.
    private static let fromSource = FlagPhrases(
        heavySystems + ["torch", "cpython", "nodejs", "node js", "openjdk", "rustc", "the rust compiler", "ghc"],
        benign: ["with gcc", "using gcc", "by gcc", "with clang", "using clang", "by clang", "with llvm", "using llvm"],
        needs: [
            "from source", "from sources", "from its source", "from their source", "source build", "source builds",
            "source tree", "source checkout", "from git", "from the git repository",
        ])

    /// The CUDA stack, several gigabytes to install.
    private static let cuda = FlagPhrases(
        ["cuda", "cuda toolkit", "cudnn", "nvidia driver", "nvidia drivers", "nvidia container toolkit", "tensorrt"])

    /// Data sets that are large by name.
    private static let largeData = FlagPhrases(
        [
            "wikipedia dump", "wikipedia dumps", "full wikipedia", "entire wikipedia", "common crawl", "imagenet",
            "planet osm", "osm planet", "openstreetmap planet", "planet file", "full openstreetmap", "laion",
        ],
        excuses: ["sample", "subset", "excerpt", "slice", "small", "tiny", "trimmed", "truncated", "few"])

    /// Data a sentence about moving data must mention for a size to count.
    private static let dataWords = PhraseSet([
        "download", "downloads", "downloaded", "downloading", "fetch", "fetches", "fetched", "fetching", "pull",
        "pulls", "pulled", "dump", "dumps", "dataset", "datasets", "data set", "data sets", "corpus", "corpora",
        "snapshot", "snapshots", "restore", "restores", "restored", "load", "loads", "loaded", "seed", "seeded",
        "import", "imports", "imported", "baked", "bundled", "archive", "archives", "tarball", "file", "files",
        "image", "data",
    ])

    /// Sizes in sentences with these words are memory limits or data made at test time.
    private static let sizeExcuses = PhraseSet([
        "generate", "generates", "generated", "generating", "test time", "ram", "memory", "heap", "rlimit",
        "address space", "limit", "limits", "disk", "disk space", "at most", "no more than", "less than",
        "smaller than", "below",
    ])

    /// The size from which data risks the build, in gigabytes.
    static let largeDataGigabytes = 1.0

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        checkServices(draft, into: &sink)
        for field in FlagContext.fields(draft, Self.kinds) {
            let name = FlagContext.name(field)
            let installs = field.kind == .environmentSetup || field.kind == .keyTechnologies
            for hit in Self.compiles.hits(in: field.tokens) + Self.fromSource.hits(in: field.tokens) {
                sink.report(
                    "\(name) builds '\(FlagContext.quote(draft, field, hit.tokens))' from source, which takes far longer than the 5-minute Docker build allows",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "install prebuilt packages or binaries, or choose a task that does not need this build")
            }
            if installs, let hit = Self.cuda.firstHit(in: field.tokens) {
                sink.report(
                    "\(name) installs '\(FlagContext.quote(draft, field, hit.tokens))', several gigabytes that risk the 5-minute Docker build",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "use CPU-only packages; the test container has no GPU")
            }
            var flagged: Set<Int> = []
            for hit in Self.largeData.hits(in: field.tokens) {
                flagged.insert(field.tokens.sentences[hit.tokens.lowerBound])
                sink.report(
                    "\(name) uses '\(FlagContext.quote(draft, field, hit.tokens))', a data set too large to fetch within the 5-minute Docker build",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "use a small sample checked into the repository or generated by the tests")
            }
            if field.kind != .testing { checkSizes(draft, field, name, skipping: flagged, into: &sink) }
        }
    }

    private func checkSizes(
        _ draft: DraftSpec, _ field: DraftField, _ name: String, skipping flagged: Set<Int>, into sink: inout FindingSink
    ) {
        let text = field.tokens
        let bytes = draft.source.bytes
        for index in 0..<text.count where Quantity.mayState(at: index, in: text) {
            guard !flagged.contains(text.sentences[index]),
                let size = Quantity.size(at: index, in: text, bytes: bytes), size.gigabytes >= Self.largeDataGigabytes
            else { continue }
            let sentence = text.sentence(containing: index)
            guard Self.dataWords.occurs(in: text, tokens: sentence), !Self.sizeExcuses.occurs(in: text, tokens: sentence),
                !FlagContext.isNegated(index..<(index + 1), in: text)
            else { continue }
            sink.report(
                "\(name) moves '\(FlagContext.quote(draft, size.bytes))' of data into the container; transfers that large risk the 5-minute Docker build",
                at: draft.range(size.bytes),
                hint: "use a sample of a few megabytes, or have the tests generate the data at test time")
        }
    }

    private func checkServices(_ draft: DraftSpec, into sink: inout FindingSink) {
        var seen: [Int] = []
        var places: [SourceRange] = []
        for field in draft.fields where field.kind == .environmentSetup || field.kind == .keyTechnologies {
            for hit in Self.servicePhrases.hits(in: field.tokens) {
                let service = Self.serviceOwner[hit.phrase]
                guard !seen.contains(service) else { continue }
                seen.append(service)
                places.append(FlagContext.range(draft, field, hit.tokens))
            }
        }
        let heavy = seen.indices.filter { Self.services[seen[$0]].heavy }
        if heavy.count >= 2 {
            let names = heavy.map { Self.services[seen[$0]].name }
            let list = names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
            sink.report(
                "\(list) are \(names.count == 2 ? "both" : "all") heavy services; starting them together in one container risks the 5-minute Docker build",
                at: places[heavy[1]],
                hint: "keep one heavy service, or replace the others with lighter stand-ins (SQLite, Redis, a stub)")
        } else if seen.count >= Self.serviceLimit {
            let names = seen.map { Self.services[$0].name }.joined(separator: ", ")
            sink.report(
                "the environment runs \(seen.count) services (\(names)); one container does not start that many quickly, which risks the 5-minute Docker build",
                at: places[Self.serviceLimit - 1], hint: "keep the services the task is about and stub or drop the rest")
        }
    }
}
