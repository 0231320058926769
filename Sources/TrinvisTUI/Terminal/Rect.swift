/// A size in terminal cells.
package struct Size: Sendable, Hashable, CustomStringConvertible {
    /// Columns.
    package var width: Int
    /// Rows.
    package var height: Int

    /// Creates a size; negative values become 0.
    package init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    /// Whether this size is at least `other` in both directions.
    package func covers(_ other: Size) -> Bool {
        width >= other.width && height >= other.height
    }

    /// "80×24".
    package var description: String { "\(width)×\(height)" }
}

/// A cell position: row and column, counted from 0 at the top left.
package struct Position: Sendable, Hashable {
    /// The row.
    package var row: Int
    /// The column.
    package var col: Int

    /// Creates a position.
    package init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// How much of a split a part takes.
package enum SplitSize: Sendable, Hashable {
    /// Exactly this many cells (or what is left, if less).
    case fixed(Int)
    /// This share (0...1) of the whole extent, rounded down.
    case ratio(Double)
    /// A share of what the fixed and ratio parts leave, by weight.
    case fill(Int)

    /// A fill part of weight 1.
    package static let fill = SplitSize.fill(1)
}

/// A rectangle of cells: origin (row, col) and size.
package struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// The top row.
    package var row: Int
    /// The left column.
    package var col: Int
    /// Columns.
    package var width: Int
    /// Rows.
    package var height: Int

    /// Creates a rectangle; a negative width or height becomes 0.
    package init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    /// A rectangle of `size` at the origin.
    package init(size: Size) {
        self.init(row: 0, col: 0, width: size.width, height: size.height)
    }

    /// The size.
    package var size: Size { Size(width: width, height: height) }
    /// The row below the last row.
    package var endRow: Int { row + height }
    /// The column right of the last column.
    package var endCol: Int { col + width }
    /// Whether the rectangle holds no cell.
    package var isEmpty: Bool { width == 0 || height == 0 }

    /// "(row,col) 80×24".
    package var description: String { "(\(row),\(col)) \(width)×\(height)" }

    /// Whether the cell is inside.
    package func contains(row: Int, col: Int) -> Bool {
        row >= self.row && row < endRow && col >= self.col && col < endCol
    }

    /// The common part of two rectangles (empty, at a clamped origin, when they do not meet).
    package func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(col, other.col)
        let bottom = min(endRow, other.endRow)
        let right = min(endCol, other.endCol)
        return Rect(row: top, col: left, width: right - left, height: bottom - top)
    }

    /// The rectangle moved by a number of rows and columns.
    package func offsetBy(rows: Int, cols: Int) -> Rect {
        Rect(row: row + rows, col: col + cols, width: width, height: height)
    }

    /// The rectangle shrunk by margins on each side.
    package func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(width - left - right, 0)
        let newHeight = max(height - top - bottom, 0)
        return Rect(
            row: row + min(top, height), col: col + min(left, width), width: newWidth,
            height: newHeight)
    }

    /// The rectangle shrunk by the same margin on every side (e.g. 1 inside a frame).
    package func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// The rectangle cut into parts stacked top to bottom.
    package func rows(_ parts: [SplitSize]) -> [Rect] {
        Self.distribute(height, parts).map { offset, extent in
            Rect(row: row + offset, col: col, width: width, height: extent)
        }
    }

    /// The rectangle cut into parts side by side, left to right.
    package func columns(_ parts: [SplitSize]) -> [Rect] {
        Self.distribute(width, parts).map { offset, extent in
            Rect(row: row, col: col + offset, width: extent, height: height)
        }
    }

    /// Offsets and extents of the parts of `total`: fixed parts first, then ratios of the
    /// whole, then what is left shared among fill parts by weight (remainders to the first).
    private static func distribute(_ total: Int, _ parts: [SplitSize]) -> [(Int, Int)] {
        var extents = [Int](repeating: 0, count: parts.count)
        var left = total
        for (index, part) in parts.enumerated() {
            if case .fixed(let cells) = part {
                extents[index] = min(max(cells, 0), left)
                left -= extents[index]
            }
        }
        for (index, part) in parts.enumerated() {
            if case .ratio(let share) = part {
                let wanted = Int((Double(total) * min(max(share, 0), 1)).rounded(.down))
                extents[index] = min(wanted, left)
                left -= extents[index]
            }
        }
        let weights = parts.map { part -> Int in
            if case .fill(let weight) = part { return max(weight, 0) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 && left > 0 {
            var remainder = left
            for (index, weight) in weights.enumerated() where weight > 0 {
                extents[index] = left * weight / totalWeight
                remainder -= extents[index]
            }
            for (index, weight) in weights.enumerated() where weight > 0 && remainder > 0 {
                extents[index] += 1
                remainder -= 1
            }
        }
        var offset = 0
        return extents.map { extent in
            defer { offset += extent }
            return (offset, extent)
        }
    }
}
