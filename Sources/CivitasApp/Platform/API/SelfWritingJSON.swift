/// A body that writes its own JSON text, member by member, instead of going through an
/// `Encoder`: API lists write hundreds of records, and `Encodable`'s boxed containers, one
/// encoder per nested value and the reordering of keys cost more than the reads behind them
/// (a third of an uncached people list).
///
/// The type stays `Encodable` with the same fields: Foundation's `JSONEncoder`, the tests and
/// anything else that encodes it see the same text. A writer writes its members in sorted key
/// order, as `.sortedKeys` does (nothing reorders them); `SelfWritingJSONTests` holds each
/// writer to Foundation's bytes over every record of the demo.
protocol SelfWritingJSON: Encodable {
    func writeJSON(to json: JSONOutput) throws
}

/// The members of one object being written: a comma before each but the first.
struct JSONObjectWriter {
    let json: JSONOutput
    private var isFirst = true

    fileprivate init(json: JSONOutput) { self.json = json }

    /// Starts a member whose key comes from data (a record's field name), escaped; the caller
    /// writes the value next.
    mutating func key(_ key: String) {
        if isFirst { isFirst = false } else { json.bytes.append(UInt8(ascii: ",")) }
        json.writeString(key)
        json.bytes.append(UInt8(ascii: ":"))
    }

    /// A key written in the source: copied as it is, since such a key needs no escape (a
    /// debug build checks that it has none).
    mutating func key(_ key: StaticString) {
        if isFirst { isFirst = false } else { json.bytes.append(UInt8(ascii: ",")) }
        key.withUTF8Buffer { bytes in
            assert(!bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }, "a key that needs escaping")
            json.bytes.append(UInt8(ascii: "\""))
            json.bytes.append(contentsOf: bytes)
            json.bytes.append(UInt8(ascii: "\""))
        }
        json.bytes.append(UInt8(ascii: ":"))
    }

    mutating func member(_ key: StaticString, _ value: String) {
        self.key(key)
        json.writeString(value)
    }

    /// A string, or `null` without one (the member is always there).
    mutating func member(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { json.writeString(value) } else { json.writeNull() }
    }

    mutating func member(_ key: StaticString, _ value: Int) {
        self.key(key)
        json.writeInteger(value)
    }

    mutating func member(_ key: StaticString, _ value: some SelfWritingJSON) throws {
        self.key(key)
        try value.writeJSON(to: json)
    }

    /// An array of bodies that write themselves.
    mutating func member<Element: SelfWritingJSON>(_ key: StaticString, _ elements: [Element]) throws {
        self.key(key)
        try json.array(elements) { try $0.writeJSON(to: json) }
    }

    /// A record's field, under its name.
    mutating func member(_ key: String, _ value: FieldValue) throws {
        self.key(key)
        try json.writeField(value)
    }
}

extension JSONOutput {
    /// An object whose members `body` writes.
    func object(_ body: (inout JSONObjectWriter) throws -> Void) throws {
        bytes.append(UInt8(ascii: "{"))
        var writer = JSONObjectWriter(json: self)
        try body(&writer)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array of `elements`, each written by `write`.
    func array<Elements: Sequence>(_ elements: Elements, _ write: (Elements.Element) throws -> Void) throws {
        bytes.append(UInt8(ascii: "["))
        var isFirst = true
        for element in elements {
            if isFirst { isFirst = false } else { bytes.append(UInt8(ascii: ",")) }
            try write(element)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
