#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HarborScaffoldKit

/// A progress bar on standard error, redrawn in place: `checking [########--------]  52%  5,200/10,000`.
/// Shown only when standard error is a terminal and `CI` is not set.
final class ProgressBar: @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let label: String
    private let width = 30
    private var shownPercent = -1
    private var finished = false
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    private init(write: @escaping @Sendable (String) -> Void, label: String) {
        self.write = write
        self.label = label
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// A bar for this invocation, or `nil` when progress should not be shown.
    static func make(_ invocation: Invocation, label: String) -> ProgressBar? {
        let environment = invocation.environment
        guard environment.errorIsTerminal, let stream = environment.errorStream else { return nil }
        if let ci = environment.variables["CI"], !ci.isEmpty { return nil }
        if environment.variables["TERM"] == "dumb" { return nil }
        return ProgressBar(write: stream, label: label)
    }

    /// The bar's text for `done` of `total` (without the carriage return).
    static func text(label: String, done: Int, total: Int, width: Int) -> String {
        let fraction = total == 0 ? 1 : min(1, Double(done) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let percent = Int((fraction * 100).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let counts = grouped(done) + "/" + grouped(total)
        return "\(label) [\(bar)] " + String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%  \(counts)"
    }

    /// `12345` as `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// Redraws the bar when the whole percentage changed.
    func update(done: Int, total: Int) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let percent = total == 0 ? 100 : done * 100 / total
        guard !finished, percent != shownPercent else { return }
        shownPercent = percent
        write("\r\u{1B}[2K" + Self.text(label: label, done: done, total: total, width: width))
    }

    /// Clears the bar and writes `closing` (a line) in its place.
    func finish(_ closing: String) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        finished = true
        write("\r\u{1B}[2K" + closing)
    }
}
