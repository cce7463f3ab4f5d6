/// M102: the prompt tells the agent about the hidden checks: the test files, weights.json, the
/// grader or what "the tests will check".
struct PromptMentionsTestsRule: LintRule {
    static let description = RuleDescription(
        id: "M102", name: "prompt-mentions-tests", title: "The prompt tells the agent about the hidden tests or the grader",
        severity: .error,
        rationale: """
            The tests run "in the same container after the agent completes the task" and must stay hidden: \
            Harbor's anti_cheating_measures criterion fails a task whose agent can learn what is checked, and \
            behavior_in_task_description wants the prompt to state the required behaviour itself. Naming \
            tests.py, a test_*.py of the task, weights.json, the reward file, "hidden tests", "the grader" or \
            what "the tests will check" invites the agent to satisfy the checks rather than the task. Asking the \
            agent to write tests, or to keep the project's existing suite passing, is fine.
            """,
        triggering: [
            RuleExample(files: ["prompt.md": "Fix the limiter. Hidden tests send 100 requests per tenant.\n"]),
            RuleExample(files: ["prompt.md": "Fix the limiter; the tests will check that a second tenant still gets 200.\n"]),
            RuleExample(files: ["prompt.md": "Make `tests.py` pass; weights are in weights.json.\n"]),
            RuleExample(files: ["prompt.md": "Your solution will be graded on correctness of the 429 responses.\n"]),
            RuleExample(files: [
                "instruction.md": "The grader checks /app/report.csv, then /tests/test_outputs.py runs.\n",
                "tests/test_outputs.py": "def test_report():\n    assert open('/app/report.csv').read()\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["prompt.md": "Write tests for the tenant limiter in `tests/test_limits.py`; the existing pytest suite in tests/ must still pass.\n"]),
            RuleExample(files: ["prompt.md": "The JWT verifier rejects tokens whose `exp` has passed; fix `billing/tests.py` so the Django tests run.\n"]),
            RuleExample(files: ["prompt.md": "<!-- TODO(harbor-scaffold): the tests will check 429 -->\nMake limits apply per tenant.\n"]),
            RuleExample(files: ["prompt.md": "The grader service in `/app/grader` computes course scores; the existing tests will still pass after your fix.\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let prompt = target.promptText else { return }
        let testNames = Set(target.testFiles.map { String($0.path.split(separator: "/").last ?? "").lowercased() })
        let hits = (Self.artifactHits(prompt.visible, testNames: testNames, layout: target.layout)
            + Self.phraseHits(prompt.tokens, prompt.visible)).sorted { $0.lowerBound < $1.lowerBound }
        var reachedTo = 0
        for hit in hits where hit.lowerBound >= reachedTo {
            reachedTo = hit.upperBound
            let quote = String(decoding: prompt.visible[hit], as: UTF8.self)
            sink.report(
                "\(prompt.file.path) mentions '\(quote)', telling the agent about the hidden checks", in: prompt.file,
                at: prompt.range(hit),
                hint: "state the required behaviour itself (what must be true when the agent is done), not how it is checked")
        }
    }

    /// True when `text` speaks of the hidden checks or names the verifier's files — text the
    /// scaffolder therefore keeps out of the prompt.
    static func mentionsChecks(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !phraseHits(TokenizedText(bytes, range: 0..<bytes.count), bytes).isEmpty
            || !artifactHits(bytes, testNames: ["tests.py", "test_outputs.py"], layout: .builder).isEmpty
    }

    // MARK: Files of the verifier

    /// Bytes that end a path-like word.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"),
            UInt8(ascii: "="), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    /// Path-like words naming the verifier's files: tests.py, a test file of this task, weights.json,
    /// test.sh in /tests, the reward file. The project's own test files (`billing/tests.py`,
    /// `tests/test_x.py` that is not one of the task's) are fine.
    static func artifactHits(_ bytes: [UInt8], testNames: Set<String>, layout: TaskLayout) -> [Range<Int>] {
        var hits: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard !isSeparator(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, !isSeparator(bytes[index]) { index += 1 }
            var end = index
            while end > start, [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[end - 1]) {
                end -= 1
            }
            guard end - start >= 7, bytes[start..<end].contains(UInt8(ascii: ".")) else { continue }
            let word = String(decoding: bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            if namesVerifierFile(word, testNames: testNames, layout: layout) { hits.append(start..<end) }
        }
        return hits
    }

    private static func namesVerifierFile(_ word: String, testNames: Set<String>, layout: TaskLayout) -> Bool {
        let slash = word.lastIndex(of: "/")
        let base = slash.map { word[word.index(after: $0)...] } ?? word[...]
        let directory = slash.map { word[...$0] } ?? ""
        let atRoot = directory.isEmpty || directory == "./"
        if word.hasPrefix("/logs/verifier") || base == "reward.txt" || base == "reward.json" { return true }
        switch base {
        case "weights.json": return atRoot || directory == "/tests/" || directory == "tests/"
        case "tests.py": return atRoot || directory == "/tests/"
        case "test.sh": return directory == "/tests/" || (directory == "tests/" && layout == .harbor)
        default: break
        }
        guard base.hasPrefix("test_"), base.hasSuffix(".py") else { return false }
        return directory == "/tests/" || ((atRoot || directory == "tests/") && testNames.contains(String(base)))
    }

    // MARK: Phrases

    private static func hash(_ word: String) -> UInt64 { TokenizedText.hash(of: word.utf8) }
    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map(hash)) }

    /// Always about hidden checks.
    private static let hiddenPhrases = PhraseSet([
        "hidden test", "hidden tests", "hidden test suite", "hidden test cases", "hidden check", "hidden checks",
        "hidden grader", "hidden verifier", "hidden pytest", "hidden unit tests", "hidden evaluation", "secret tests",
        "grading script", "grading harness", "grading rubric", "grading criteria", "verifier script",
        "will be graded", "you will be graded", "you will be evaluated", "you will be scored", "you will be judged",
    ] + ["solution", "implementation", "code", "work", "changes", "fix", "submission", "answer"].flatMap { subject in
        ["tested", "graded", "evaluated", "scored", "checked", "verified", "judged"].map { "your \(subject) will be \($0)" }
    })

    /// A grader named as such: a leak when it acts on the agent's work (`the grader checks`,
    /// `checked by the verifier`), not when it is a component of the project (`the grader service`).
    private static let graderPhrases = PhraseSet(["the", "our", "a", "an"].flatMap { determiner in
        ["grader", "autograder", "auto grader", "verifier"].map { "\(determiner) \($0)" }
    })
    private static let graderActions = hashes([
        "check", "checks", "verify", "verifies", "run", "runs", "expect", "expects", "compare", "compares", "score",
        "scores", "grade", "grades", "test", "tests", "evaluate", "evaluates", "look", "looks", "inspect", "inspects",
        "assert", "asserts", "measure", "measures", "read", "reads", "call", "calls", "send", "sends", "uses",
    ])
    private static let componentNouns = hashes([
        "service", "services", "module", "modules", "class", "function", "endpoint", "endpoints", "api", "package",
        "app", "application", "component", "microservice", "worker", "job", "library", "code", "logic", "binary",
        "cli", "s",
    ])
    private static let by = hash("by")
    private static let will = hash("will")
    private static let be = hash("be")
    private static let verifier = hash("verifier")

    /// Subjects of `… will check`: the tests, test cases, the test suite, checks.
    private static let testNouns = hashes(["test", "tests", "checks"])
    private static let testNounFollowers = hashes(["cases", "suite"])
    private static let futureModals = hashes(["will", "shall"])
    private static let adverbs = hashes(["also", "then", "additionally", "automatically", "only", "first", "now"])
    private static let checkVerbs = hashes([
        "check", "verify", "validate", "assert", "ensure", "confirm", "exercise", "inspect", "compare", "measure",
        "expect", "send", "call", "query", "hit", "look", "grade", "score", "test", "evaluate", "read", "parse",
        "simulate", "probe", "request", "post", "fetch", "examine",
    ])
    private static let runVerbs = hashes(["run", "executed", "used", "applied"])
    /// Words before `tests` that make them the project's or the agent's own.
    private static let ownership = hashes([
        "existing", "current", "your", "you", "own", "project", "repo", "repository", "new", "old", "legacy", "failing",
        "passing", "their", "its", "write", "add", "writing", "adding", "my", "app", "application", "library",
    ])
    /// Words that may stand between an owner and `tests` (`existing unit tests`).
    private static let testKinds = hashes(["unit", "integration", "e2e", "end", "to", "regression", "api", "pytest", "jest", "s"])

    /// Phrase matches, as byte ranges of the prompt.
    static func phraseHits(_ text: TokenizedText, _ bytes: [UInt8]) -> [Range<Int>] {
        var hits: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if let hit = hiddenPhrases.match(in: text, at: index)?.tokens ?? graderHit(text, at: index) {
                if !text.isIdentifierLike(hit, in: bytes) { hits.append(text.byteRange(of: hit)) }
                index = hit.upperBound
            } else if let hit = testsWillHit(text, at: index) {
                hits.append(text.byteRange(of: hit))
                index = hit.upperBound
            } else {
                index += 1
            }
        }
        return hits
    }

    /// `the grader checks`, `the grader will`, `by the verifier`, within one sentence.
    private static func graderHit(_ text: TokenizedText, at index: Int) -> Range<Int>? {
        guard let match = graderPhrases.match(in: text, at: index) else { return nil }
        let sentence = text.sentence(containing: index)
        let end = match.tokens.upperBound
        if end < sentence.upperBound, componentNouns.contains(text.hashes[end]) { return nil }
        if index > sentence.lowerBound, text.hashes[index - 1] == by { return (index - 1)..<end }
        let isVerifier = text.hashes[end - 1] == verifier
        for next in end..<min(end + 3, sentence.upperBound) {
            let word = text.hashes[next]
            if graderActions.contains(word) || (!isVerifier && word == will) { return index..<(next + 1) }
        }
        return nil
    }

    /// `tests will check`, `the test cases will also verify`, `tests will be run`, unless the tests
    /// are the project's or the agent's own (`your tests will verify`, `the existing tests will`).
    private static func testsWillHit(_ text: TokenizedText, at index: Int) -> Range<Int>? {
        guard testNouns.contains(text.hashes[index]) else { return nil }
        let sentence = text.sentence(containing: index)
        var cursor = index + 1
        if cursor < sentence.upperBound, testNounFollowers.contains(text.hashes[cursor]) { cursor += 1 }
        guard cursor < sentence.upperBound, futureModals.contains(text.hashes[cursor]) else { return nil }
        cursor += 1
        while cursor < sentence.upperBound, adverbs.contains(text.hashes[cursor]) { cursor += 1 }
        guard cursor < sentence.upperBound else { return nil }
        let verb = text.hashes[cursor]
        let matched: Range<Int>
        if checkVerbs.contains(verb) {
            matched = index..<(cursor + 1)
        } else if verb == be, cursor + 1 < sentence.upperBound, runVerbs.contains(text.hashes[cursor + 1]) {
            matched = index..<(cursor + 2)
        } else {
            return nil
        }
        var before = index - 1
        while before >= sentence.lowerBound, testKinds.contains(text.hashes[before]) { before -= 1 }
        if before >= sentence.lowerBound, ownership.contains(text.hashes[before]) { return nil }
        return matched
    }
}
