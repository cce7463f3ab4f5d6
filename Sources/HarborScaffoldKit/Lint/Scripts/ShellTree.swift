/// A script's simple commands regrouped under the compounds and clauses that hold them, for rules
/// that follow the control flow (which ``ShellScript`` flattens).
struct ShellTree {
    /// A command or compound at one level of the script.
    enum Node: Equatable {
        /// An index in ``ShellScript/commands``.
        case command(Int)
        /// An index in ``ShellScript/compounds``.
        case compound(Int)
    }

    /// The script.
    let script: ShellScript
    /// The nodes of the script's top level, in source order.
    let top: [Node]
    private let contents: [[Node]]

    /// Groups the commands of `script` in one pass over its commands and compounds in source order.
    init(_ script: ShellScript) {
        self.script = script
        var contents = Array(repeating: [Node](), count: script.compounds.count)
        var top: [Node] = []
        var open: [Int] = []
        var commandIndex = 0
        var compoundIndex = 0
        let commands = script.commands
        let compounds = script.compounds
        while commandIndex < commands.count || compoundIndex < compounds.count {
            let node: Node
            let start: Int
            if compoundIndex < compounds.count,
                commandIndex >= commands.count
                    || compounds[compoundIndex].keywordByteRange.lowerBound <= commands[commandIndex].byteRange.lowerBound
            {
                node = .compound(compoundIndex)
                start = compounds[compoundIndex].keywordByteRange.lowerBound
                compoundIndex += 1
            } else {
                node = .command(commandIndex)
                start = commands[commandIndex].byteRange.lowerBound
                commandIndex += 1
            }
            while let last = open.last, compounds[last].byteRange.upperBound <= start { open.removeLast() }
            if let owner = open.last {
                contents[owner].append(node)
            } else {
                top.append(node)
            }
            if case .compound(let index) = node { open.append(index) }
        }
        self.top = top
        self.contents = contents
    }

    /// The nodes directly inside compound `index`, in source order.
    func children(of index: Int) -> [Node] {
        index >= 0 && index < contents.count ? contents[index] : []
    }

    /// The children of compound `index` split at its clauses: the nodes before the first clause
    /// (an `if` or loop condition), then one list per clause of ``ShellCompound/clauses``.
    func segments(of index: Int) -> [[Node]] {
        guard index >= 0, index < script.compounds.count else { return [] }
        let clauses = script.compounds[index].clauses
        var result = Array(repeating: [Node](), count: clauses.count + 1)
        var clause = 0
        for node in children(of: index) {
            let start = position(of: node)
            while clause < clauses.count, clauses[clause].byteRange.lowerBound < start { clause += 1 }
            result[clause].append(node)
        }
        return result
    }

    /// Where a node starts (its first word, or its opening keyword).
    func position(of node: Node) -> Int {
        switch node {
        case .command(let index): script.commands[index].byteRange.lowerBound
        case .compound(let index): script.compounds[index].keywordByteRange.lowerBound
        }
    }

    /// The byte range to report a node at (a command's words, a compound's keyword).
    func reportRange(of node: Node) -> Range<Int> {
        switch node {
        case .command(let index): script.commands[index].byteRange
        case .compound(let index): script.compounds[index].keywordByteRange
        }
    }

    /// The operator joining `next` to `previous` at one level: `&&`, `||`, `|` or `|&`, or nil when
    /// they run one after the other.
    func joiningOperator(_ previous: Node, _ next: Node) -> ShellOperator? {
        var candidate: ShellOperator?
        if case .command(let index) = next { candidate = script.commands[index].precedingOperator }
        if candidate == nil, case .command(let index) = previous { candidate = script.commands[index].followingOperator }
        guard let found = candidate, found.isConditional || found.isPipe else { return nil }
        return found
    }

    /// Splits one level into and-or lists, each a list of pipelines joined by `&&` / `||`.
    func andOrLists(_ nodes: [Node]) -> [(pipelines: [[Node]], operators: [ShellOperator])] {
        var result: [(pipelines: [[Node]], operators: [ShellOperator])] = []
        var index = 0
        while index < nodes.count {
            var pipelines: [[Node]] = [[nodes[index]]]
            var operators: [ShellOperator] = []
            var next = index + 1
            while next < nodes.count, let joining = joiningOperator(nodes[next - 1], nodes[next]) {
                if joining.isPipe {
                    pipelines[pipelines.count - 1].append(nodes[next])
                } else {
                    operators.append(joining)
                    pipelines.append([nodes[next]])
                }
                next += 1
            }
            result.append((pipelines, operators))
            index = next
        }
        return result
    }

    /// Commands that run on every path through the script that does not stop early: those at the
    /// top level, or inside brace groups and subshells at such places, that are not on the right
    /// side of `&&` / `||`.
    func unconditionalCommands() -> Set<Int> {
        var result: Set<Int> = []
        var pending = [top]
        while let nodes = pending.popLast() {
            for list in andOrLists(nodes) {
                for node in list.pipelines[0] {
                    switch node {
                    case .command(let index):
                        result.insert(index)
                    case .compound(let index):
                        let kind = script.compounds[index].kind
                        if kind == .braceGroup || kind == .subshell { pending.append(children(of: index)) }
                    }
                }
            }
        }
        return result
    }
}
