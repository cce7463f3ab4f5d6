extension Linter {
    /// Loads and lints the task `folders` on all cores; findings come back in folder order, with the
    /// number of folders that were task folders. `display` gives the path findings show for a folder.
    public func lint(folders: [String], stage: LintStage, display: @Sendable (String) -> String) -> (diagnostics: [Diagnostic], count: Int) {
        let results = ParallelSlots<[Diagnostic]?>(count: folders.count, initial: nil)
        Parallel.forEach(folders.count) { index in
            let folder = folders[index]
            guard let target = LintTargetLoader.load(folder, displayRoot: display(folder), stage: stage) else { return }
            results[index] = lint(target)
        }
        let found = results.values.compactMap { $0 }
        return (found.flatMap { $0 }, found.count)
    }
}
