import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent iterations on every core (GCD's `concurrentPerform`, which hands iterations to
/// idle threads as they finish, so uneven work still balances).
enum Parallel {
    /// Calls `body(i)` for every `i` in `0..<count`, concurrently; returns when all are done.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// A fixed number of result slots that concurrent iterations fill, each slot written by exactly
/// one iteration and read only after all have finished. That discipline, not a lock, is what makes
/// it safe, hence `@unchecked Sendable`.
final class ParallelSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Element>
    /// Number of slots.
    let count: Int

    /// `count` slots, each holding `initial`.
    init(count: Int, initial: Element) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: initial, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    subscript(index: Int) -> Element {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Every slot, in order.
    var values: [Element] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}

/// A counter shared by concurrent iterations, for progress reports.
final class SharedCounter: @unchecked Sendable {
    private var value = 0
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Adds `amount` and returns the new total.
    func add(_ amount: Int) -> Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        value += amount
        return value
    }
}

/// A value handed to concurrent iterations that the compiler cannot prove safe to share (a buffer
/// pointer whose disjoint parts each iteration writes). Callers guarantee the discipline.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
