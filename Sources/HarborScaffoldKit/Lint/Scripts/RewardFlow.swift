/// Follows the paths through a verifier script to find where one can end without the reward
/// having been written: an `exit`, a failure under `set -e`, or the end of the script after a
/// branch that skipped the write.
///
/// The walk is an abstract interpretation over ``ShellTree``: each point carries what holds on every
/// path reaching it (reward written, an EXIT trap that writes it, `set -e`, `pipefail`). Both
/// outcomes of a command that can fail are followed, `if`/`case` branches and `&&`/`||` lists are
/// joined, loops may run zero times, and calls of functions defined in the script are followed into
/// their bodies. Each node is visited once per call site, so the cost stays linear for ordinary
/// scripts; nesting deeper than ``maximumNesting`` is treated as opaque. A command running a script
/// with `bash -c "…"` takes its outcomes from that script's own analysis (``endings``).
struct RewardFlow: Sendable {
    /// What holds on every path reaching a point.
    struct State: Equatable {
        /// The reward has been written.
        var written = false
        /// An EXIT trap that writes the reward is set.
        var exitTrap = false
        /// An ERR trap that writes the reward is set.
        var errorTrap = false
        /// `set -e` is on.
        var errexit = false
        /// `set -o pipefail` is on.
        var pipefail = false
        /// Where paths with and without the write last came together (an `if`, `case` or `&&` list).
        var split: Range<Int>?
    }

    /// How a path can end without the reward.
    enum LeakKind {
        /// An `exit` (or `exec`) runs.
        case exit
        /// A command fails under `set -e`.
        case errexit
        /// The script reaches its end.
        case end
    }

    /// A place where a path ends without the reward.
    struct Leak {
        /// How.
        let kind: LeakKind
        /// Where: the command, or for ``LeakKind/end`` the construct that skipped the write.
        let byteRange: Range<Int>
        /// The command's name, for messages.
        let command: String?
        /// The construct after which the write is missing on some path, if known.
        let split: Range<Int>?
    }

    /// Compounds nested deeper than this are not entered.
    static let maximumNesting = 48
    /// Function calls are followed at most this deep.
    static let maximumCalls = 8

    private typealias Outcome = (success: State?, failure: State?)

    /// The script as a tree of lists and compounds.
    let tree: ShellTree
    private let rewards: RewardWrites
    private var functions: [String: Int] = [:]
    private var writingFunctions: Set<String> = []
    private var callStack: [String] = []
    private var returns: [[State]] = []
    private var loopExits: [[State]] = []
    private var subshellExits: [[State]] = []
    private var testedCalls = 0
    private var nesting = 0

    /// The places where a path ends without the reward, in the order found.
    private(set) var leaks: [Leak] = []
    /// Indices (in ``ShellScript/commands``) of commands whose failure ends the script under `set -e`.
    private(set) var fatalCommands: Set<Int> = []
    /// What holds on the paths ending the script with status 0 (`success`) and with another status
    /// (`failure`: a failing last command, `exit 1`, a failure under `set -e`), nil where no path
    /// ends so; a path whose EXIT trap (or ERR trap, for a failure under `set -e`) writes the reward
    /// counts as having written it. What the command running a `bash -c` script does with the reward.
    private(set) var endings: (success: State?, failure: State?) = (nil, nil)
    /// The commands reached before the reward was written that write it on only some of their paths
    /// (a `bash -c` script that can end without the write, a write through `find -exec` or `xargs -r`),
    /// by byte range: a leak's `split` may name one of them.
    private(set) var partialWriters: [Range<Int>: ShellCommand] = [:]

    /// Analyses `script`, recognising reward writes with `rewards`. `shellOptions` are the options of
    /// the shell running it, for a script run with `bash -c` (`-e`, `-o pipefail`); otherwise the
    /// shebang's options apply.
    init(_ script: ShellScript, rewards: RewardWrites, shellOptions: [String]? = nil) {
        tree = ShellTree(script)
        self.rewards = rewards
        for (index, compound) in script.compounds.enumerated() where compound.kind == .function {
            if let name = compound.name, functions[name] == nil { functions[name] = index }
        }
        writingFunctions = Self.functionsWritingReward(script, functions, rewards)
        var start = State()
        if let shellOptions {
            Self.applySet(shellOptions, to: &start)
        } else {
            start.errexit = Self.shebangSetsErrexit(script.shebang)
        }
        let last = evaluate(list: tree.top, from: start, tested: false)
        end(last.success, failed: false)
        end(last.failure, failed: true)
        if let final = Self.merge(last.success, last.failure, at: nil), !final.written, !final.exitTrap {
            let lastNode = tree.top.last.map { tree.reportRange(of: $0) } ?? script.byteRange
            leaks.append(Leak(kind: .end, byteRange: final.split ?? lastNode, command: nil, split: final.split))
        }
    }

    // MARK: - Lists

    /// A list of commands run one after another; the outcome is that of the last and-or list.
    /// `tested` is true where a failure does not trigger `set -e` (conditions, left sides of `&&`).
    private mutating func evaluate(list nodes: [ShellTree.Node], from state: State?, tested: Bool) -> Outcome {
        guard let state else { return (nil, nil) }
        var current: State? = state
        var outcome: Outcome = (state, nil)
        for list in tree.andOrLists(nodes) {
            outcome = evaluate(andOr: list.pipelines, list.operators, from: current, tested: tested)
            current = Self.merge(outcome.success, outcome.failure, at: nil)
        }
        return outcome
    }

    /// Pipelines joined by `&&` / `||`: each runs on the success or failure of what precedes it.
    private mutating func evaluate(andOr pipelines: [[ShellTree.Node]], _ operators: [ShellOperator], from state: State?, tested: Bool) -> Outcome {
        guard state != nil, let first = pipelines.first?.first else { return (state, nil) }
        let split = tree.reportRange(of: first)
        var outcome = evaluate(pipeline: pipelines[0], from: state, tested: tested || pipelines.count > 1)
        for (index, pipeline) in pipelines.enumerated().dropFirst() {
            let isTested = tested || index < pipelines.count - 1
            if operators[index - 1] == .and {
                let next = evaluate(pipeline: pipeline, from: outcome.success, tested: isTested)
                outcome = (next.success, Self.merge(outcome.failure, next.failure, at: split))
            } else {
                let next = evaluate(pipeline: pipeline, from: outcome.failure, tested: isTested)
                outcome = (Self.merge(outcome.success, next.success, at: split), next.failure)
            }
        }
        // When only one outcome of the list has written the reward, the list is where paths split.
        if pipelines.count > 1, let success = outcome.success, let failure = outcome.failure, success.written != failure.written {
            if success.written {
                outcome.failure?.split = failure.split ?? split
            } else {
                outcome.success?.split = success.split ?? split
            }
        }
        return outcome
    }

    /// Commands joined by `|`: all run; the last one decides the outcome.
    private mutating func evaluate(pipeline nodes: [ShellTree.Node], from state: State?, tested: Bool) -> Outcome {
        var current = state
        var outcome: Outcome = (state, nil)
        for (index, node) in nodes.enumerated() {
            // A failure before the last member only matters with pipefail.
            let isLast = index == nodes.count - 1
            let isTested = tested || (!isLast && !(current?.pipefail ?? false))
            outcome = evaluate(node, from: current, tested: isTested)
            if !isLast { current = Self.merge(outcome.success, outcome.failure, at: nil) }
        }
        return outcome
    }

    private mutating func evaluate(_ node: ShellTree.Node, from state: State?, tested: Bool) -> Outcome {
        guard let state else { return (nil, nil) }
        switch node {
        case .command(let index): return evaluateCommand(index, from: state, tested: tested)
        case .compound(let index): return evaluateCompound(index, from: state, tested: tested)
        }
    }

    // MARK: - Compounds

    /// A compound command (function definitions only register the function).
    private mutating func evaluateCompound(_ index: Int, from state: State, tested: Bool) -> Outcome {
        let compound = tree.script.compounds[index]
        guard compound.kind != .function else { return (state, nil) }
        guard nesting < Self.maximumNesting else { return (state, state) }
        nesting += 1
        defer { nesting -= 1 }
        var outcome: Outcome
        switch compound.kind {
        case .braceGroup, .function:
            outcome = evaluate(list: tree.children(of: index), from: state, tested: tested)
        case .subshell:
            subshellExits.append([])
            outcome = evaluate(list: tree.children(of: index), from: state, tested: tested)
            let exits = subshellExits.removeLast()
            outcome.failure = exits.reduce(outcome.failure) { Self.merge($0, $1, at: nil) }
        case .ifClause:
            let end = evaluateIf(index, from: state, tested: tested)
            outcome = (end, end)
        case .whileLoop, .untilLoop:
            let end = evaluateConditionLoop(index, from: state, tested: tested)
            outcome = (end, end)
        case .forLoop, .selectLoop:
            loopExits.append([])
            let body = evaluate(list: tree.children(of: index), from: state, tested: tested)
            let breaks = loopExits.removeLast()
            let end = Self.mergeAll([state, Self.merge(body.success, body.failure, at: nil)] + breaks, at: compound.keywordByteRange)
            outcome = (end, end)
        case .caseClause:
            let end = evaluateCase(index, from: state, tested: tested)
            outcome = (end, end)
        }
        if rewards.writes(of: compound).contains(where: { $0.target == .reward }) {
            outcome = (Self.markWritten(outcome.success), Self.markWritten(outcome.failure))
        }
        return outcome
    }

    /// `if`: each condition in turn, the body of the first that holds, else the `else` body (or nothing).
    private mutating func evaluateIf(_ index: Int, from state: State, tested: Bool) -> State? {
        let compound = tree.script.compounds[index]
        let segments = tree.segments(of: index)
        var condition = evaluate(list: segments[0], from: state, tested: true)
        var pending: State? = condition.failure
        var ends: [State?] = []
        var hasElse = false
        for (offset, clause) in compound.clauses.enumerated() {
            let nodes = segments[offset + 1]
            switch clause.kind {
            case .then:
                let body = evaluate(list: nodes, from: condition.success, tested: tested)
                ends.append(Self.merge(body.success, body.failure, at: nil))
                pending = condition.failure
            case .elif:
                condition = evaluate(list: nodes, from: pending, tested: true)
                pending = condition.failure
            case .else:
                hasElse = true
                let body = evaluate(list: nodes, from: pending, tested: tested)
                ends.append(Self.merge(body.success, body.failure, at: nil))
            case .do, .caseItem:
                continue
            }
        }
        if !hasElse { ends.append(pending) }
        return Self.mergeAll(ends, at: compound.keywordByteRange)
    }

    /// `while` / `until`: the body may run zero or more times; `break` leaves with its state.
    private mutating func evaluateConditionLoop(_ index: Int, from state: State, tested: Bool) -> State? {
        let compound = tree.script.compounds[index]
        let segments = tree.segments(of: index)
        let condition = evaluate(list: segments[0], from: state, tested: true)
        let (enter, leave) = compound.kind == .untilLoop ? (condition.failure, condition.success) : (condition.success, condition.failure)
        loopExits.append([])
        let body = evaluate(list: segments.dropFirst().flatMap { $0 }, from: enter, tested: tested)
        let breaks = loopExits.removeLast()
        // The condition is tested again after each pass; leaving then keeps what the body did.
        let afterBody = leave == nil ? nil : Self.merge(body.success, body.failure, at: nil)
        return Self.mergeAll([leave, afterBody] + breaks, at: compound.keywordByteRange)
    }

    /// `case`: one item runs, or none when no `*` pattern catches the rest.
    private mutating func evaluateCase(_ index: Int, from state: State, tested: Bool) -> State? {
        let compound = tree.script.compounds[index]
        var ends: [State?] = []
        for nodes in tree.segments(of: index).dropFirst() {
            let body = evaluate(list: nodes, from: state, tested: tested)
            ends.append(Self.merge(body.success, body.failure, at: nil))
        }
        let hasDefault = compound.words.dropFirst().contains { $0.raw == "*" }
        if !hasDefault || ends.isEmpty { ends.append(state) }
        return Self.mergeAll(ends, at: compound.keywordByteRange)
    }

    // MARK: - Commands

    /// A simple command: reward writes, `set`, `trap`, `exit`, loop and function control, calls of the
    /// script's functions, and failures under `set -e`.
    private mutating func evaluateCommand(_ index: Int, from start: State, tested: Bool) -> Outcome {
        let raw = tree.script.commands[index]
        let isTested = tested || raw.inCondition || raw.isNegated || testedCalls > 0
        let command = raw.withoutWrappers
        var state = start
        var partial = false
        switch rewards.coverage(of: raw) {
        case .always:
            state.written = true
            state.split = nil
        case .sometimes:
            partial = true
        case .never:
            break
        }
        // A `bash -c` script: its successful and failing endings become this command's outcomes.
        var failed = state
        var inner: (success: State?, failure: State?)?
        if let inline = rewards.inline(of: raw) {
            if raw.wrapperThatMayNotRun != nil {
                partial = partial || inline.writesReward
            } else {
                let endings = inline.flow.endings
                inner = endings
                if endings.success?.written == true { state.written = true }
                if endings.failure?.written == true { failed.written = true }
                partial = partial || inline.writesReward
            }
        }
        if state.written { state.split = nil }
        if failed.written { failed.split = nil }
        if partial {
            // Paths with and without the write part inside this command.
            if !state.written { state.split = raw.byteRange }
            if !failed.written { failed.split = raw.byteRange }
            if !state.written || !failed.written { partialWriters[raw.byteRange] = raw }
        }
        // A background job neither fails the script nor ends it.
        if raw.followingOperator == .background { return (state, nil) }
        switch command.name {
        case "set":
            Self.applySet(command.argumentTexts, to: &state)
            return (state, nil)
        case "trap":
            applyTrap(command, to: &state)
            return (state, nil)
        case "exit":
            return exit(raw, state, status: command.argumentTexts.first, tested: isTested)
        case "return" where !returns.isEmpty:
            returns[returns.count - 1].append(state)
            return (nil, nil)
        case "break" where !loopExits.isEmpty:
            loopExits[loopExits.count - 1].append(state)
            return (nil, nil)
        case "continue" where !loopExits.isEmpty:
            return (nil, nil)
        case "true", ":":
            return (state, nil)
        default:
            break
        }
        if let existsOnSuccess = rewardExistenceTest(command, negated: raw.isNegated) {
            // `[ -s reward.txt ]`: on the outcome where the file exists, it has been written.
            var written = state
            written.written = true
            written.split = nil
            return existsOnSuccess ? (written, state) : (state, written)
        }
        if let name = command.name, let body = functions[name], !callStack.contains(name), callStack.count < Self.maximumCalls {
            return call(name, body: body, from: state, tested: isTested)
        }
        // A `bash -c` script fails only where its own analysis says it can.
        let mayFail = inner.map { $0.failure != nil } ?? CommandTraits.mayFail(command)
        var failure: State? = mayFail ? failed : nil
        if let failing = failure, failing.errexit, !isTested {
            fatalCommands.insert(index)
            end(failing, failed: true, errexit: true)
            record(.errexit, at: raw.byteRange, command: command.name, failing)
            failure = nil
        }
        var success: State? = command.name == "false" || inner.map({ $0.success == nil }) == true ? nil : state
        // `exec program` replaces the shell: the script ends when the program does.
        if raw.name == "exec", command.name != "exec" {
            end(success, failed: false)
            end(failure, failed: true)
            if let ending = Self.merge(success, failure, at: nil) { record(.exit, at: raw.byteRange, command: "exec", ending) }
            success = nil
            failure = nil
        }
        return (success, failure)
    }

    /// For a test of whether the reward file exists (`[ -s "$LOGS/reward.txt" ]`, `test -f …`,
    /// `[[ ! -e … ]]`): true when success means it exists, false when success means it does not.
    private func rewardExistenceTest(_ command: ShellCommand, negated: Bool) -> Bool? {
        guard let name = command.name, name == "[" || name == "[[" || name == "test" else { return nil }
        var arguments = command.argumentTexts
        if arguments.last == "]" || arguments.last == "]]" { arguments.removeLast() }
        guard let flag = arguments.firstIndex(where: { ["-s", "-f", "-e"].contains($0) }), arguments.count == flag + 2,
            arguments[..<flag].allSatisfy({ $0 == "!" }), rewards.classify(arguments[flag + 1]) == .reward
        else { return nil }
        // Each `!` (inside the brackets, or before them) flips the meaning of success.
        return (flag % 2 == 1) == negated
    }

    /// `exit`: ends the script (or only the enclosing subshell).
    private mutating func exit(_ command: ShellCommand, _ state: State, status: String?, tested: Bool) -> Outcome {
        // In a subshell, `exit` ends only the subshell, unless `set -e` turns its failure into the script's.
        if !subshellExits.isEmpty, status == "0" || !state.errexit || tested {
            subshellExits[subshellExits.count - 1].append(state)
            return (nil, nil)
        }
        // `exit` alone or with a computed status may end either way.
        if status != "0" { end(state, failed: true) }
        if status == "0" || status.map({ Int($0) == nil }) ?? true { end(state, failed: false) }
        record(.exit, at: command.byteRange, command: "exit", state)
        return (nil, nil)
    }

    /// Records a path ending the script: successfully, or not (`errexit` for a failure under `set -e`).
    private mutating func end(_ state: State?, failed: Bool, errexit: Bool = false) {
        guard var state else { return }
        if state.exitTrap || (errexit && state.errorTrap) { state.written = true }
        if failed {
            endings.failure = Self.merge(endings.failure, state, at: nil)
        } else {
            endings.success = Self.merge(endings.success, state, at: nil)
        }
    }

    /// A call of a function defined in the script: its body runs here; `return` ends it.
    private mutating func call(_ name: String, body: Int, from state: State, tested: Bool) -> Outcome {
        callStack.append(name)
        returns.append([])
        if tested { testedCalls += 1 }
        let outcome = evaluate(list: tree.children(of: body), from: state, tested: tested)
        if tested { testedCalls -= 1 }
        let returned = returns.removeLast()
        callStack.removeLast()
        let end = Self.mergeAll([outcome.success, outcome.failure] + returned, at: nil)
        return (end, end)
    }

    /// Records a path ending here unless the reward is written or a trap will write it.
    private mutating func record(_ kind: LeakKind, at range: Range<Int>, command: String?, _ state: State) {
        guard !state.written, !state.exitTrap, !(kind == .errexit && state.errorTrap) else { return }
        leaks.append(Leak(kind: kind, byteRange: range, command: command, split: state.split))
    }

    // MARK: - set and trap

    /// Applies `set -e`, `set +e`, `set -o pipefail`, `set -euo pipefail`… to `state`.
    static func applySet(_ arguments: [String], to state: inout State) {
        var index = 0
        while index < arguments.count {
            let text = arguments[index]
            index += 1
            guard let sign = text.first, sign == "-" || sign == "+", text.count > 1, text != "--" else { continue }
            let enable = sign == "-"
            let letters = text.dropFirst()
            guard letters.allSatisfy(\.isLetter) else { continue }
            if letters.contains("e") { state.errexit = enable }
            if letters.contains("o"), index < arguments.count {
                switch arguments[index] {
                case "errexit": state.errexit = enable
                case "pipefail": state.pipefail = enable
                default: break
                }
                index += 1
            }
        }
    }

    /// `trap ACTION SIGNAL…`: an EXIT or ERR trap that writes the reward covers later paths; `trap - EXIT` removes it.
    private func applyTrap(_ command: ShellCommand, to state: inout State) {
        let arguments = command.argumentTexts
        guard let action = arguments.first, !action.hasPrefix("-") || action == "-", arguments.count > 1 else { return }
        let signals = arguments.dropFirst().map { name -> String in
            let upper = name.uppercased()
            return upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
        }
        let writes = action != "-" && !action.isEmpty && actionWritesReward(action)
        if signals.contains("EXIT") || signals.contains("0") { state.exitTrap = writes }
        if signals.contains("ERR") { state.errorTrap = writes }
    }

    /// True when the trap action (shell text) writes the reward, directly or through a function.
    private func actionWritesReward(_ action: String) -> Bool {
        ShellParser.parse(action).allCommands.contains { command in
            rewards.writesReward(command) || command.withoutWrappers.name.map(writingFunctions.contains) == true
        }
    }

    // MARK: - Helpers

    /// Functions whose body writes the reward, directly or by calling another such function.
    private static func functionsWritingReward(_ script: ShellScript, _ functions: [String: Int], _ rewards: RewardWrites) -> Set<String> {
        var calls: [String: Set<String>] = [:]
        var writing: Set<String> = []
        for (name, index) in functions {
            let range = script.compounds[index].commandIndices
            for commandIndex in range where commandIndex < script.commands.count {
                let command = script.commands[commandIndex]
                if rewards.writesReward(command) { writing.insert(name) }
                if let called = command.withoutWrappers.name, functions[called] != nil { calls[name, default: []].insert(called) }
            }
            if rewards.writes(of: script.compounds[index]).contains(where: { $0.target == .reward }) { writing.insert(name) }
        }
        var changed = true
        while changed {
            changed = false
            for (name, callees) in calls where !writing.contains(name) && !callees.isDisjoint(with: writing) {
                writing.insert(name)
                changed = true
            }
        }
        return writing
    }

    /// True for `#!/bin/bash -e`, `#!/usr/bin/env -S bash -eu` and the like.
    static func shebangSetsErrexit(_ shebang: String?) -> Bool {
        guard let shebang else { return false }
        return shebang.split(separator: " ").dropFirst().contains { word in
            word.hasPrefix("-") && !word.hasPrefix("--") && word.dropFirst().allSatisfy(\.isLetter) && word.contains("e")
        }
    }

    /// `state` with the reward written.
    private static func markWritten(_ state: State?) -> State? {
        guard var state else { return nil }
        state.written = true
        state.split = nil
        return state
    }

    /// What holds on both paths; `split` records `construct` when only one of them wrote the reward.
    private static func merge(_ first: State?, _ second: State?, at construct: Range<Int>?) -> State? {
        guard let first else { return second }
        guard let second else { return first }
        var state = State()
        state.written = first.written && second.written
        state.exitTrap = first.exitTrap && second.exitTrap
        state.errorTrap = first.errorTrap && second.errorTrap
        state.errexit = first.errexit && second.errexit
        state.pipefail = first.pipefail && second.pipefail
        if !state.written {
            state.split = first.written != second.written ? (construct ?? first.split ?? second.split) : (first.split ?? second.split)
        }
        return state
    }

    /// What holds on all of `states`.
    private static func mergeAll(_ states: [State?], at construct: Range<Int>?) -> State? {
        states.reduce(nil) { merge($0, $1, at: construct) }
    }
}
