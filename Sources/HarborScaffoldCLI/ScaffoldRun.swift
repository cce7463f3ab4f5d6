import HarborScaffoldKit

/// What scaffolding one data point produced.
struct ScaffoldResult {
    let displayPath: String
    let taskID: String
    var diagnostics: [Diagnostic] = []
    var plan: ScaffoldPlan?
    var changes: [FileChange] = []
    var refusal: String?
    /// The Harbor task directory written, as shown (`nil` for the builder layout).
    var outputDisplay: String?
    var exitCode: ExitCode = .clean
}

/// Validates, plans and writes one data point; never throws, so one bad data point does not stop others.
struct ScaffoldRun {
    let reference: DataPointReference
    let library: BlueprintLibrary
    let validator: DraftValidator
    let allowInvalid: Bool
    let force: Bool
    let dryRun: Bool
    let display: (String) -> String
    /// Which files to write; the Harbor layout's settings.
    var output: ScaffoldTarget = .builder

    func execute() -> ScaffoldResult {
        var result = ScaffoldResult(displayPath: display(reference.draftPath), taskID: reference.id)
        let source: SourceText
        do {
            source = try TextFileReader(confinedTo: reference.folder).read(reference.draftPath, displayPath: result.displayPath)
        } catch {
            result.diagnostics = [error.diagnostic]
            result.refusal = "\(output.refusal): the draft cannot be read"
            result.exitCode = .usageOrInputError
            return result
        }
        let draft = DraftSpec(source: source)
        result.diagnostics = validator.validate(draft)
        if !allowInvalid, result.diagnostics.contains(where: { $0.severity == .error }) {
            result.refusal = "\(output.refusal): fix the errors above or pass --allow-invalid"
            result.exitCode = .findings
            return result
        }
        do {
            let plan = try output.plan(draft, reference: reference, library: library)
            result.plan = plan
            let folder = output.folder(for: reference)
            if case .builder = output {} else { result.outputDisplay = display(folder) }
            result.changes = try ScaffoldWriter(root: folder).apply(plan.files, manifest: plan.manifest, force: force, dryRun: dryRun)
        } catch let error as BlueprintError {
            result.refusal = "\(output.refusal): \(error.message)"
            result.exitCode = .usageOrInputError
        } catch let error as ScaffoldError {
            result.refusal = "\(output.refusal): \(error.message)"
            result.exitCode = .usageOrInputError
        } catch {
            result.refusal = "\(output.refusal): \(error)"
            result.exitCode = .usageOrInputError
        }
        return result
    }
}
