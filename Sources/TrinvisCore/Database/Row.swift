/// The names of a statement's result columns with each name's position, made once per
/// statement and shared by its rows, so that a column is found by name without a search.
package final class ColumnNames: Sendable {
    /// The names in column order.
    package let names: [String]
    /// Each name's first position.
    private let positions: [String: Int]

    package init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    /// The first position of `name`, nil when no column has it.
    package func position(of name: String) -> Int? { positions[name] }
}

/// One result row: values in column order plus the column names.
package struct Row: Sendable {
    /// The values in the order of the statement's columns.
    package let values: [SQLValue]
    /// The column names, shared between the rows of one statement.
    package let names: ColumnNames

    /// The column names, in column order.
    package var columns: [String] { names.names }

    package init(values: [SQLValue], names: ColumnNames) {
        self.values = values
        self.names = names
    }

    package init(values: [SQLValue], columns: [String]) {
        self.init(values: values, names: ColumnNames(columns))
    }

    /// The raw value at a column index.
    package subscript(index: Int) -> SQLValue { values[index] }

    /// The raw value of a named column, `.null` if there is no such column.
    package subscript(name: String) -> SQLValue {
        guard let index = names.position(of: name) else { return .null }
        return values[index]
    }

    /// Decodes the value at an index; throws when the stored value has another type.
    package func get<T: SQLValueConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard index < values.count, let value = T(sqlValue: values[index]) else {
            throw RowDecodingError(column: index < names.names.count ? names.names[index] : "#\(index)",
                                   expected: String(describing: T.self))
        }
        return value
    }

    /// Decodes a named column; throws when it is missing or has another type.
    package func get<T: SQLValueConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = names.position(of: name) else {
            throw RowDecodingError(column: name, expected: String(describing: T.self))
        }
        return try get(index, as: type)
    }
}

/// A column did not hold the type the code expected: a sign of a damaged database.
package struct RowDecodingError: Error, Sendable, CustomStringConvertible {
    /// The column that could not be decoded.
    package let column: String
    /// The Swift type that was expected.
    package let expected: String

    package var description: String { "column \(column) does not hold a value of type \(expected)" }
}
