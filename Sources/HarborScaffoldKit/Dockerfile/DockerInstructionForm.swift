/// How an instruction's arguments are written.
public enum DockerInstructionForm: Sendable, Hashable {
    /// A valid JSON array of strings (`CMD ["python", "app.py"]`): run without a shell.
    case exec([String])
    /// Anything else: for `RUN`, `CMD` and `ENTRYPOINT`, a command line run by the stage's shell.
    case shell(String)

    /// True for the exec (JSON) form.
    public var isExec: Bool {
        if case .exec = self { return true }
        return false
    }

    /// The exec-form strings, or nil for the shell form.
    public var execArguments: [String]? {
        if case .exec(let list) = self { return list }
        return nil
    }

    /// The shell-form command text, or nil for the exec form.
    public var shellCommand: String? {
        if case .shell(let text) = self { return text }
        return nil
    }
}
