import Foundation
import Synchronization
@testable import CivitasApp

/// A clock that stands still until a test moves it.
final class FixedClock: WallClock {
    private let time: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_900_000_000)) { time = Mutex(start) }

    func now() -> Date { time.withLock { $0 } }

    func advance(by interval: TimeInterval) { time.withLock { $0 += interval } }
}

/// Secrets a test can predict: `secret-1`, `secret-2`... in the order they are asked for.
final class CountingSecrets: SecretSource {
    private let issued = Mutex<[String]>([])

    func token(bytes: Int) -> String {
        issued.withLock { issued in
            let token = "secret-\(issued.count + 1)"
            issued.append(token)
            return token
        }
    }

    /// Every secret handed out so far.
    var all: [String] { issued.withLock { $0 } }
}
