/// D406: the task needs a GPU, lots of memory or cores, or a cluster of machines.
struct HeavyResourcesRule: DraftRule {
    static let description = RuleDescription(
        id: "D406", name: "heavy-resources", title: "Task needs a GPU, large memory or a cluster", severity: .warning,
        rationale: """
            The pipeline's technical constraints: "Resource Limits: Consider reasonable CPU/memory usage", in \
            "Linux-based Docker containers only". Test containers have no GPU, a few cores and a few gigabytes of \
            memory, and one container cannot host a multi-node or Kubernetes cluster.
            """,
        triggering: [
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI and Redis on a machine with an NVIDIA GPU and 64 GB of RAM.",
            ]),
            DraftExample.with([
                .environmentSetup: "A three-node Redis cluster on a local Kubernetes cluster (kind) with FastAPI pods.",
            ]),
            DraftExample.with([
                .testing: "Tests run 32 concurrent tenants on a 16-core machine and verify that requests beyond each tenant's limit return 429.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI, CPU-only inference (no GPU needed), Redis as a single-node replica set, and a 256 MB memory limit.",
            ]),
            DraftExample.with([
                .instructions: "The limiter keeps a tree of 5,000 nodes per tenant and runs 8 worker threads; make limits apply per tenant and validate the Kubernetes manifests in deploy/.",
            ]),
        ])

    private static let kinds: Set<DraftFieldKind> = [.task, .instructions, .environmentSetup, .testing, .keyTechnologies]

    /// Accelerators.
    private static let accelerators = FlagPhrases(
        ["gpu", "gpus", "cuda", "cudnn", "nvidia", "tpu", "tpus"], benign: ["cpu only", "gpu free", "nvidia smi"])

    /// Clusters of machines.
    private static let clusters = FlagPhrases([
        "multi node", "multiple nodes", "several nodes", "kubernetes cluster", "k8s cluster", "minikube", "k3s", "k3d",
        "kind cluster", "microk8s", "kind", "hadoop cluster", "spark cluster", "dask cluster", "ray cluster", "slurm",
        "eks cluster", "gke cluster",
    ])

    private static let kindWord = TokenizedText("kind").hashes[0]

    /// Units and nouns after a number.
    private static let cores = PhraseSet(["core", "cores", "cpu", "cpus", "vcpu", "vcpus", "cpu cores", "processors"])
    private static let nodes = PhraseSet(["node", "nodes", "machine", "machines"])
    private static let clusterWords = PhraseSet(["cluster", "clusters", "replica", "replicas", "quorum"])
    private static let memoryWords = PhraseSet(["ram", "memory", "heap"])
    private static let diskWords = PhraseSet(["disk", "storage", "data", "dataset", "file", "files", "dump", "log", "logs"])

    /// Thresholds above what a test container offers.
    static let memoryGigabytes = 16.0
    static let coreCount = 8
    static let nodeCount = 2

    /// Reports, per field, the first accelerator and the first cluster named, and each large memory, core or
    /// node count.
    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let bytes = draft.source.bytes
        for field in FlagContext.fields(draft, Self.kinds) {
            let name = FlagContext.name(field)
            let text = field.tokens
            let accelerator = Self.accelerators.firstHit(in: text)
            let cluster = Self.clusters.hits(in: text).first { !isEnglishKind($0, in: text, bytes: bytes) }
            for hit in [accelerator, cluster].compactMap({ $0 }) {
                sink.report(
                    "\(name) needs '\(FlagContext.quote(draft, field, hit.tokens))', which a single test container does not have",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "scale the task to one CPU-only container: fewer instances, processes instead of nodes, small models")
            }
            for index in 0..<text.count where Quantity.mayState(at: index, in: text) {
                if let size = Quantity.size(at: index, in: text, bytes: bytes), size.gigabytes >= Self.memoryGigabytes,
                    memoryNearby(index, in: text)
                {
                    sink.report(
                        "\(name) needs '\(FlagContext.quote(draft, size.bytes))' of memory, more than a test container has",
                        at: draft.range(size.bytes), hint: "bound the working set to a few hundred megabytes")
                    continue
                }
                guard index + 1 < text.count, let count = Quantity.count(at: index, in: text, bytes: bytes) else { continue }
                if count >= Self.coreCount, let unit = Self.cores.match(in: text, at: index + 1),
                    !FlagContext.isNegated(index..<(index + 1), in: text)
                {
                    let span = text.byteRange(of: index..<unit.tokens.upperBound)
                    sink.report(
                        "\(name) needs '\(FlagContext.quote(draft, span))', more than a test container has",
                        at: draft.range(span), hint: "design the task to pass on 2 cores")
                } else if count >= Self.nodeCount, let unit = Self.nodes.match(in: text, at: index + 1),
                    !FlagContext.isNegated(index..<(index + 1), in: text), Self.clusterWords.occurs(in: text, tokens: text.sentence(containing: index))
                {
                    let span = text.byteRange(of: index..<unit.tokens.upperBound)
                    sink.report(
                        "\(name) needs a '\(FlagContext.quote(draft, span))' cluster, which one test container cannot host",
                        at: draft.range(span), hint: "run several processes on different ports in one container instead")
                }
            }
        }
    }

    /// True for the English word `kind` (`a kind of cache`), not the Kubernetes tool, which drafts write
    /// as `(kind)`, `` `kind` `` or `KinD`.
    private func isEnglishKind(_ hit: PhraseSet.Match, in text: TokenizedText, bytes: [UInt8]) -> Bool {
        guard hit.tokens.count == 1, text.hashes[hit.tokens.lowerBound] == Self.kindWord else { return false }
        let token = text.ranges[hit.tokens.lowerBound]
        let before = token.lowerBound > 0 ? bytes[token.lowerBound - 1] : 0x20
        let after = token.upperBound < bytes.count ? bytes[token.upperBound] : 0x20
        let marked = before == UInt8(ascii: "(") || before == UInt8(ascii: "`") || after == UInt8(ascii: ")")
            || after == UInt8(ascii: "`") || bytes[(token.lowerBound + 1)..<token.upperBound].contains(where: LineScan.isUpper)
        return !marked
    }

    /// True when a memory word follows the size within three tokens (`64 GB of RAM`, `32GB heap`) and no disk
    /// word does.
    private func memoryNearby(_ index: Int, in text: TokenizedText) -> Bool {
        let end = min(text.count, index + 4)
        guard index + 1 < end else { return false }
        for next in (index + 1)..<end {
            if Self.diskWords.match(in: text, at: next) != nil { return false }
            if Self.memoryWords.match(in: text, at: next) != nil { return true }
        }
        return false
    }
}
