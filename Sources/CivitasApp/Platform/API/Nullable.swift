/// An optional field of an API answer, sent as `null` when it has no value instead of being
/// left out (Codable's default for optionals): every answer carries the keys its schema
/// lists as required, so clients read the same shape whatever the record holds.
@propertyWrapper
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
