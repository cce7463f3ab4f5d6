// harbor-scaffold-bench: `make bench`. Generates deterministic synthetic workspaces (1,000, 10,000 and
// 100,000 drafts by default, with planted near-duplicates), runs `harbor-scaffold check` on each with
// the release binary, and prints wall time, time per data point and peak memory beside a plain `cat`
// of the same files (the I/O floor). It prints numbers; it asserts nothing.
//
// Usage: harbor-scaffold-bench [--binary PATH] [--sizes 1000,10000,100000] [--runs 3] [--folder DIR] [--keep]
//                              [--harbor PATH --harbor-tasks N]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Arguments

var binary = ".build/release/harbor-scaffold"
var sizes = [1_000, 10_000, 100_000]
var runs = 3
var folder = (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/harbor-scaffold-bench"
var keep = false
var harbor: String?
var harborTasks = 200
var generate: (size: Int, folder: String)?
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let name = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fatalError("\(name) needs a value") }
        return arguments.removeFirst()
    }
    switch name {
    case "--binary": binary = value()
    case "--sizes": sizes = value().split(separator: ",").compactMap { Int($0) }
    case "--runs": runs = max(1, Int(value()) ?? 3)
    case "--folder": folder = value()
    case "--keep": keep = true
    case "--harbor": harbor = value()
    case "--harbor-tasks": harborTasks = Int(value()) ?? 20
    case "--generate": generate = (Int(value()) ?? 0, value())
    default:
        print("usage: harbor-scaffold-bench [--binary PATH] [--sizes 1000,10000,100000] [--runs N] [--folder DIR] [--keep] [--harbor PATH --harbor-tasks N]")
        exit(2)
    }
}

// MARK: - Deterministic text

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A vocabulary of pronounceable made-up words plus real backend words, so drafts read like prose
/// to the tokenizer without sharing phrases the way templated text would.
let vocabulary: [String] = {
    var random = SplitMix64(state: 42)
    let onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "dr", "gr", "pl", "st", "tr", "sh", "ch"]
    let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
    let codas = ["", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "x"]
    var words = Set<String>()
    while words.count < 6_000 {
        var word = ""
        for _ in 0..<(2 + random.below(2)) { word += random.pick(onsets) + random.pick(vowels) }
        words.insert(word + random.pick(codas))
    }
    let real = [
        "request", "response", "endpoint", "database", "query", "index", "cache", "worker", "queue", "retry", "timeout",
        "migration", "schema", "tenant", "invoice", "order", "payment", "session", "token", "header", "status", "service",
        "handler", "router", "module", "package", "repository", "fixture", "record", "table", "column", "row", "batch",
        "stream", "buffer", "connection", "pool", "lock", "transaction", "rollback", "latency", "throughput", "metric",
    ]
    return words.sorted() + real
}()
let functionWords = ["the", "a", "of", "to", "and", "in", "with", "for", "is", "that", "on", "by", "when", "so"]

func sentence(_ random: inout SplitMix64, words count: Int) -> String {
    var out: [String] = []
    for _ in 0..<count {
        out.append(random.below(10) < 3 ? random.pick(functionWords) : random.pick(vocabulary))
    }
    var text = out.joined(separator: " ")
    text.replaceSubrange(text.startIndex...text.startIndex, with: text.prefix(1).uppercased())
    return text + "."
}

func paragraph(_ random: inout SplitMix64, sentences: Int) -> String {
    (0..<sentences).map { _ in sentence(&random, words: 10 + random.below(10)) }.joined(separator: " ")
}

let languages = ["python", "python", "python", "python", "python", "python", "javascript", "typescript", "typescript", "go"]
let categories = [
    "api_development", "api_security", "api_validation", "caching", "concurrency", "database_migrations", "debugging",
    "error_handling", "memory_management", "performance", "query_optimization", "refactoring", "testing",
]
let stacks: [String: [String]] = [
    "python": ["FastAPI, PostgreSQL 16, pytest", "Django 5, PostgreSQL 16, Redis 7", "Flask, SQLite, pytest"],
    "javascript": ["Express, MongoDB, Node.js 20", "Express, PostgreSQL 16, Node.js 20"],
    "typescript": ["NestJS, PostgreSQL 16, TypeORM", "Node.js 20, Redis 7, TypeScript 5"],
    "go": ["Go 1.22, net/http, PostgreSQL 16"],
]
let difficulties = ["medium", "hard", "hard", "extremely hard"]

/// The draft number `index` of a workspace.
func draft(_ index: Int) -> (text: String, metadata: String?) {
    var random = SplitMix64(state: UInt64(index) &* 0x2545_F491_4F6C_DD1D &+ 7)
    let language = random.pick(languages)
    let category = random.pick(categories)
    var text = "Task: " + sentence(&random, words: 9).dropLast() + "\n"
    text += "Language: \(language)\nCategory: \(category)\n"
    text += "Instructions: " + paragraph(&random, sentences: 6) + "\n"
    text += "Environment Setup: Single container with " + paragraph(&random, sentences: 2) + " The service listens on port 8000.\n"
    text += "Testing: Tests will call the service and verify that " + sentence(&random, words: 14)
    text += " They check that the endpoint returns status 200 for " + sentence(&random, words: 10)
    text += " They also verify that " + sentence(&random, words: 12) + "\n"
    text += "Difficulty: \(random.pick(difficulties))\n"
    text += "Core Skills Tested: " + (0..<4).map { _ in random.pick(vocabulary) + " " + random.pick(vocabulary) }.joined(separator: ", ") + "\n"
    text += "Key Technologies: " + random.pick(stacks[language] ?? ["PostgreSQL 16"]) + "\n"
    let metadata = random.below(10) == 0
        ? "{\"parent\": \"seed_dp_\(random.below(max(1, index / 5 + 1)))\", \"category\": \"\(category)\", \"language\": \"\(language)\"}\n" : nil
    return (text, metadata)
}

/// A reworded copy of `text`: about one word in 16 replaced (Jaccard similarity about 0.7).
func reworded(_ text: String, seed: Int) -> String {
    var random = SplitMix64(state: UInt64(seed) &+ 99)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let colon = line.firstIndex(of: ":"), ["Task", "Instructions", "Testing", "Environment Setup"].contains(String(line[..<colon])) else {
            return String(line)
        }
        let words = line[line.index(after: colon)...].split(separator: " ").map { word -> String in
            random.below(16) == 0 ? random.pick(vocabulary) : String(word)
        }
        return String(line[...colon]) + " " + words.joined(separator: " ")
    }.joined(separator: "\n")
}

/// Every `plantEvery`-th draft is a reworded copy of the draft `plantDistance` before it.
let plantEvery = 50
let plantDistance = 17

func id(_ index: Int) -> String {
    let digits = String(index)
    return "draft_dp_bench_" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
}

// MARK: - Files and processes

func writeFile(_ path: String, _ text: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress!, $0.count - 1) }
    close(fd)
}

func run(_ command: [String], stdout: String = "/dev/null") -> (seconds: Double, cpuSeconds: Double, maxRSSKB: Int, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, command[0], &actions, nil, &argv, environ)
    posix_spawn_file_actions_destroy(&actions)
    guard spawned == 0 else { fatalError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (seconds, cpu, Int(usage.ru_maxrss), (status >> 8) & 0xFF)
}

func readText(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
    } else if decimals > 0 {
        text += "." + String(repeating: "0", count: decimals)
    }
    return text
}

func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

// MARK: - Run

/// Writes a workspace of `size` drafts into `workspace`, with `planted.txt` (the planted pairs) and
/// `bytes.txt` (the drafts' total size) beside `data_points/`.
func generateWorkspace(size: Int, workspace: String) {
    let dataPoints = workspace + "/data_points"
    _ = run(["rm", "-rf", workspace])
    _ = run(["mkdir", "-p", dataPoints])
    var bytes = 0
    var texts: [String] = []
    texts.reserveCapacity(size)
    var planted: [String] = []
    for index in 0..<size {
        var (text, metadata) = draft(index)
        if index % plantEvery == plantEvery - 1, index >= plantDistance {
            text = reworded(texts[index - plantDistance], seed: index)
            metadata = nil
            planted.append(id(index - plantDistance) + " " + id(index))
        }
        texts.append(text)
        let path = dataPoints + "/" + id(index)
        mkdir(path, 0o755)
        writeFile(path + "/draft_spec.md", text)
        bytes += text.utf8.count
        if let metadata { writeFile(path + "/metadata.json", metadata) }
    }
    texts = []
    writeFile(workspace + "/planted.txt", planted.joined(separator: "\n") + "\n")
    writeFile(workspace + "/bytes.txt", String(bytes) + "\n")
}

let selfPath: String = {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBufferPointer { pointer in
        pointer.withMemoryRebound(to: CChar.self) { readlink("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
    }
    return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : CommandLine.arguments[0]
}()

if let generate {
    generateWorkspace(size: generate.size, workspace: generate.folder)
    exit(0)
}


guard access(binary, X_OK) == 0 else {
    print("no release binary at \(binary); run `swift build -c release --product harbor-scaffold` (make bench does)")
    exit(2)
}
let cpu = readText("/proc/cpuinfo").split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters() } ?? "unknown CPU"
func loadAverage() -> String {
    String(readText("/proc/loadavg").split(separator: " ").first ?? "?")
}
print("harbor-scaffold check benchmark: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores, \(cpu); median of \(runs) runs, warm page cache")
print("load average before: \(loadAverage()) (other processes on the machine inflate wall times; CPU time is the check's own)")
print("")
print(" drafts |  MB | cat floor s | check wall s | wall µs/draft | check CPU s | CPU µs/draft | peak RSS MB | planted pairs found | other pairs")
print("--------|-----|-------------|--------------|---------------|-------------|--------------|-------------|---------------------|------------")
var perDraft: [Int: Double] = [:]
for size in sizes {
    let workspace = folder + "/ws-\(size)"
    let dataPoints = workspace + "/data_points"
    // Generated by a child process, so this process stays small: a child started with posix_spawn
    // shares this process's memory until it execs, and Linux counts that in the child's peak RSS.
    let generated = run([selfPath, "--generate", String(size), workspace])
    guard generated.status == 0 else { fatalError("generating \(size) drafts failed") }
    let planted = Set(readText(workspace + "/planted.txt").split(separator: "\n").map(String.init))
    let bytes = Int(readText(workspace + "/bytes.txt").split(separator: "\n").first ?? "0") ?? 0
    let cat = ["sh", "-c", "find '\(dataPoints)' -name draft_spec.md -print0 | xargs -0 cat > /dev/null"]
    _ = run(cat)
    var catTimes: [Double] = []
    var checkTimes: [Double] = []
    var cpuTimes: [Double] = []
    var rss = 0
    let output = folder + "/findings-\(size).jsonl"
    for _ in 0..<runs {
        catTimes.append(run(cat).seconds)
        let result = run([binary, "check", "--workspace", workspace, "--format", "json-lines", "--output", output, "--exit-zero"])
        if result.status != 0 { print("check exited with \(result.status) on \(size) drafts") }
        checkTimes.append(result.seconds)
        cpuTimes.append(result.cpuSeconds)
        rss = max(rss, result.maxRSSKB)
    }
    var found = 0
    var other = 0
    for line in readText(output).split(separator: "\n") where line.contains("\"rule\": \"X101\"") {
        let ids = line.split(separator: " ").filter { $0.contains("draft_dp_bench_") && !$0.contains("/") }.prefix(2)
            .map { String($0.filter { $0 != "\"" }) }
        if ids.count == 2, planted.contains(ids[0] + " " + ids[1]) { found += 1 } else { other += 1 }
    }
    let check = median(checkTimes)
    let cpuTime = median(cpuTimes)
    let floor = median(catTimes)
    perDraft[size] = check / Double(size) * 1e6
    print(
        pad(String(size), 7) + " | " + pad(String(bytes / 1_000_000), 3) + " | " + pad(format(floor, 3), 11) + " | "
            + pad(format(check, 3), 12) + " | " + pad(format(check / Double(size) * 1e6, 1), 13) + " | "
            + pad(format(cpuTime, 3), 11) + " | " + pad(format(cpuTime / Double(size) * 1e6, 1), 12) + " | "
            + pad(format(Double(rss) / 1024, 1), 11) + " | " + pad("\(found)/\(planted.count)", 19) + " | " + pad(String(other), 10))
    if !keep { _ = run(["rm", "-rf", workspace, output]) }
}
print("load average after: \(loadAverage())")
if let small = sizes.min(), let large = sizes.max(), small != large, let a = perDraft[small], let b = perDraft[large] {
    print("")
    print("time per draft at \(large) is \(format(b / a, 2))× that at \(small)")
}

// MARK: - Optional: harbor lint on real Harbor task folders

if let harbor {
    print("")
    print("lint of \(harborTasks) Harbor task folders made by `harbor init --task`, one call of each tool over all of them:")
    let tasks = folder + "/harbor-tasks"
    _ = run(["rm", "-rf", tasks])
    _ = run(["mkdir", "-p", tasks])
    for index in 0..<harborTasks {
        let made = run([harbor, "init", "--task", "bench/task-\(index)", "-o", tasks])
        if made.status != 0 { print("harbor init failed for task-\(index)") }
    }
    var harborTimes: [Double] = []
    var ourTimes: [Double] = []
    var harborSingle: [Double] = []
    var ourSingle: [Double] = []
    for _ in 0..<runs {
        harborTimes.append(run(["sh", "-c", "'\(harbor)' lint '\(tasks)'/task-*"]).seconds)
        ourTimes.append(run([binary, "lint", tasks, "--exit-zero"]).seconds)
        harborSingle.append(run([harbor, "lint", tasks + "/task-0"]).seconds)
        ourSingle.append(run([binary, "lint", tasks + "/task-0", "--exit-zero"]).seconds)
    }
    let theirs = median(harborTimes)
    let ours = median(ourTimes)
    print("  harbor lint:          \(format(theirs, 3)) s (\(format(theirs / Double(harborTasks) * 1e3, 2)) ms per task)")
    print("  harbor-scaffold lint: \(format(ours, 3)) s (\(format(ours / Double(harborTasks) * 1e3, 2)) ms per task)")
    print("  harbor-scaffold is \(format(theirs / ours, 0))× faster")
    print("one task, one call: harbor lint \(format(median(harborSingle), 3)) s, harbor-scaffold lint \(format(median(ourSingle), 4)) s (\(format(median(harborSingle) / median(ourSingle), 0))×)")
    if !keep { _ = run(["rm", "-rf", tasks]) }
}

extension String {
    func trimmingCharacters() -> String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
