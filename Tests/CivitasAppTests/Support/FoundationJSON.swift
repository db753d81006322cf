import Foundation

/// Foundation's `JSONEncoder` with `.sortedKeys`: the text the API's own JSON writers are held to.
enum FoundationJSON {
    static let sortedKeys: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
