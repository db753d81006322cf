/// Percent-encoding of one value of a URL query (`?name=value&...`).
///
/// The same text as Foundation's `addingPercentEncoding(withAllowedCharacters:)` with
/// `.urlQueryAllowed` less `& = + ? #`, which would end or change the value; written over the
/// UTF-8 bytes because every event page encodes its calendar links with it, and Foundation's
/// goes through a CFString and back (a twentieth of an uncached event page).
public enum QueryValue {
    public static func encode(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count + 16)
        append(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The value encoded onto the end of `output`: how a query of many values is written
    /// into one buffer, without a string per value.
    public static func append(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            for byte in bytes {
                if isAllowed(byte) {
                    output.append(byte)
                } else {
                    output.append(UInt8(ascii: "%"))
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0x0F)])
                }
            }
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Letters, digits and `- . _ ~ ! $ ' ( ) * , ; : @ /`.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
