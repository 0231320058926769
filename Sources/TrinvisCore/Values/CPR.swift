/// A Danish personal identification number (CPR): ten digits, `DDMMYY` and four more.
///
/// Only the form is checked: the first six digits must be a real date (the seventh digit
/// decides the century, as in the CPR register's rules). The modulus-11 check is not used,
/// since numbers issued after 2007 need not satisfy it.
package struct CPR: Sendable, Hashable, CustomStringConvertible {
    /// The ten digits.
    package let digits: String

    /// Why a text is not a CPR number.
    package enum Problem: Error, Sendable, Equatable {
        /// Not ten digits (after removing one optional dash or space after the sixth).
        case notTenDigits
        /// The first six digits are not a date.
        case notADate
    }

    /// Accepts `DDMMYYXXXX`, `DDMMYY-XXXX` and `DDMMYY XXXX`.
    package static func parse(_ text: String) -> Result<CPR, Problem> {
        var compact = Array(text.utf8)
        if compact.count == 11, compact[6] == UInt8(ascii: "-") || compact[6] == UInt8(ascii: " ") {
            compact.remove(at: 6)
        }
        guard compact.count == 10, compact.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .failure(.notTenDigits)
        }
        let digits = String(decoding: compact, as: UTF8.self)
        guard CPR.birthDate(of: compact) != nil else { return .failure(.notADate) }
        return .success(CPR(digits: digits))
    }

    /// A CPR number, or nil when the text is not one.
    package init?(_ text: String) {
        guard case .success(let cpr) = CPR.parse(text) else { return nil }
        self = cpr
    }

    private init(digits: String) {
        self.digits = digits
    }

    /// The birth date the number encodes.
    package var birthDate: LocalDate {
        // Only valid numbers are ever constructed, so the date exists.
        CPR.birthDate(of: Array(digits.utf8)) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// `DDMMYY-XXXX`: the form for screens and for anything a citizen takes home.
    package var masked: String {
        String(digits.prefix(6)) + "-XXXX"
    }

    /// `DDMMYY-NNNN`, shown only when a user asks to reveal it.
    package var formatted: String {
        String(digits.prefix(6)) + "-" + String(digits.suffix(4))
    }

    /// The masked form: a CPR number never prints in full by accident.
    package var description: String { masked }

    private static func birthDate(of bytes: [UInt8]) -> LocalDate? {
        guard let day = LocalDate.number(bytes[0..<2]), let month = LocalDate.number(bytes[2..<4]),
              let shortYear = LocalDate.number(bytes[4..<6]), let seventh = LocalDate.number(bytes[6..<7]) else {
            return nil
        }
        let century: Int
        switch seventh {
        case 0...3: century = 1900
        case 4, 9: century = shortYear <= 36 ? 2000 : 1900
        default: century = shortYear <= 57 ? 2000 : 1800
        }
        return LocalDate(year: century + shortYear, month: month, day: day)
    }
}
