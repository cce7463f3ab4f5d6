/// Reading the parsed `task.toml` of a Harbor task for the T rules.
extension LintTarget {
    /// `task.toml` and its root table, when the file exists and parsed (T001 reports syntax errors).
    var parsedTaskConfig: (file: LintFile, table: TOMLTable)? {
        guard layout == .harbor, let config = taskConfig, case .success(let table) = config.parsed else { return nil }
        return (config.file, table)
    }
}

/// How Harbor decides where the verifier runs (`verifier_mode.py`): an explicit
/// `environment_mode`, else `separate` when a verifier `environment` table is given, else `shared`;
/// steps inherit the task's choice unless they decide for themselves.
enum VerifierPlacement {
    /// One verify pass that runs in the agent's container.
    struct SharedPass {
        /// `[verifier]` or `[[steps]] #n`.
        let label: String
        /// The `[verifier]` table of that pass, if written.
        let verifier: TOMLTable.Entry?
    }

    /// The mode a `[verifier]` table chooses itself: true for separate, false for shared, nil when it does not say.
    static func choosesSeparate(_ verifier: TOMLTable?) -> Bool? {
        guard let verifier else { return nil }
        if let mode = verifier["environment_mode"]?.stringValue {
            if mode == "separate" { return true }
            if mode == "shared" { return false }
        }
        return verifier["environment"]?.tableValue != nil ? true : nil
    }

    /// The verify passes of `document` that run in the agent's container (every step's, or the task's).
    static func sharedPasses(_ document: TOMLTable) -> [SharedPass] {
        let taskVerifier = document.entry(for: "verifier")
        let taskSeparate = choosesSeparate(taskVerifier?.value.tableValue) ?? false
        let steps = (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue)
        guard !steps.isEmpty else { return taskSeparate ? [] : [SharedPass(label: "[verifier]", verifier: taskVerifier)] }
        return steps.enumerated().compactMap { index, step in
            let stepVerifier = step.entry(for: "verifier")
            let separate = choosesSeparate(stepVerifier?.value.tableValue) ?? taskSeparate
            return separate ? nil : SharedPass(label: "[[steps]] #\(index + 1)", verifier: stepVerifier ?? taskVerifier)
        }
    }

    /// True when at least one verify pass of `document` runs in its own container.
    static func hasSeparatePass(_ document: TOMLTable) -> Bool {
        let taskSeparate = choosesSeparate(document["verifier"]?.tableValue) ?? false
        let steps = (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue)
        guard !steps.isEmpty else { return taskSeparate }
        return steps.contains { choosesSeparate($0["verifier"]?.tableValue) ?? taskSeparate }
    }
}
