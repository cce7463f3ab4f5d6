import HarborScaffoldKit

/// `harbor-scaffold blueprints [--explain <task-id>]`: lists blueprints or shows a draft's choice.
enum BlueprintsCommand: Subcommand {
    static let name = "blueprints"
    static let summary = "List the stack and service blueprints, or explain which a draft selects."
    static let usage = """
        Usage: harbor-scaffold blueprints [--explain <task-id|path>] [--blueprints DIR]

        Lists every stack blueprint (language, framework, base image) and service blueprint.
        With --explain, shows which blueprints a draft selects and why.
        """
    static let options = [
        OptionSpec("--explain", value: "TASK", help: "Show which blueprints this draft selects and why."),
        OptionSpec("--blueprints", value: "DIR", help: "A folder of blueprints overriding the built-in ones file by file."),
    ]

    static func run(_ invocation: Invocation) -> CommandOutcome {
        let style = invocation.style
        do throws(UsageError) {
            let library = try invocation.blueprintLibrary()
            if let target = invocation.arguments.value("--explain") {
                let reference = try DataPointReference.resolve(target, workspace: try invocation.workspace(), currentDirectory: invocation.environment.currentDirectory)
                let source: SourceText
                do {
                    source = try TextFileReader(confinedTo: reference.folder).read(reference.draftPath, displayPath: invocation.display(reference.draftPath))
                } catch {
                    throw UsageError("\(error.path): \(error.message)")
                }
                let selection: StackSelection
                do {
                    selection = try StackSelector.select(DraftSpec(source: source), from: library)
                } catch {
                    throw UsageError("blueprints: \(error.message)")
                }
                var out = style.bold(reference.id) + " selects " + selection.ids.joined(separator: " + ") + "\n"
                out += selection.reasons.map { "  - " + $0 }.joined(separator: "\n") + "\n"
                for todo in selection.todos { out += "  " + style.severity("todo:", .warning) + " " + todo + "\n" }
                return CommandOutcome(standardOutput: out)
            }
            var out = style.bold("Stacks") + "\n"
            for stack in library.stacks {
                let marker = library.overridden.contains("stacks/\(stack.id)/blueprint.json") ? " (overridden)" : ""
                out += "  " + stack.id.padding(to: 16) + stack.title.padding(to: 30) + stack.baseImage.padding(to: 30)
                out += (stack.generic ? "generic " + stack.languages.joined(separator: "/") : "matches " + stack.match.joined(separator: ", ")) + marker + "\n"
            }
            out += "\n" + style.bold("Services") + "\n"
            for service in library.services {
                out += "  " + service.id.padding(to: 16) + service.title.padding(to: 30) + "port \(service.port)".padding(to: 30)
                out += "matches " + service.match.joined(separator: ", ") + "\n"
            }
            return CommandOutcome(standardOutput: out)
        } catch {
            return .failure(error, style: invocation.errorStyle)
        }
    }
}
