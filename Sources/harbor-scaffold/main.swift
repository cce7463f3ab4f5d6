import Foundation
import HarborScaffoldCLI

let outcome = CommandLineTool.run(
    Array(CommandLine.arguments.dropFirst()),
    environment: Environment(
        variables: ProcessInfo.processInfo.environment,
        currentDirectory: FileManager.default.currentDirectoryPath,
        outputIsTerminal: isatty(STDOUT_FILENO) == 1,
        errorIsTerminal: isatty(STDERR_FILENO) == 1,
        errorStream: { FileHandle.standardError.write(Data($0.utf8)) }))
FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8))
FileHandle.standardError.write(Data(outcome.standardError.utf8))
exit(outcome.exitCode.rawValue)
