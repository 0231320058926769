/// The two standard Type 1 fonts the printouts fall back on when no TrueType font is found.
/// Every PDF reader has them, so nothing is embedded; text is written in WinAnsiEncoding (a
/// letter outside it prints as "?") and measured with the fonts' published metrics.
package enum PDFStandardFont: Sendable, Hashable, CaseIterable {
    case helvetica
    case helveticaBold

    /// The PostScript name, as `/BaseFont`.
    package var baseFont: String {
        switch self {
        case .helvetica: return "Helvetica"
        case .helveticaBold: return "Helvetica-Bold"
        }
    }

    /// The standard font of a face.
    package init(_ face: PDFFace) {
        self = face == .regular ? .helvetica : .helveticaBold
    }

    /// The advance width of a WinAnsi code, in thousandths of the font size.
    package func advance(of code: UInt8) -> Int {
        guard code >= 0x20 else { return 0 }
        let table = self == .helvetica ? Self.helveticaWidths : Self.helveticaBoldWidths
        return Int(table[Int(code) - 0x20])
    }

    /// The width of `text` in points at `size` points, as a reader sets it (no kerning).
    package func width(of text: String, size: Double) -> Double {
        let units = WinAnsi.encode(text).reduce(0) { $0 + advance(of: $1) }
        return Double(units) * size / 1000
    }

    // The advance widths of the codes 0x20–0xFF of WinAnsiEncoding, from Adobe's Core 14 font
    // metrics (Helvetica and Helvetica-Bold, AFM version 002.000). Unassigned codes are 0.

    private static let helveticaWidths: [UInt16] = [
         278,  278,  355,  556,  556,  889,  667,  191,  333,  333,  389,  584,  278,  333,  278,  278,  // 0x20
         556,  556,  556,  556,  556,  556,  556,  556,  556,  556,  278,  278,  584,  584,  584,  556,  // 0x30
        1015,  667,  667,  722,  722,  667,  611,  778,  722,  278,  500,  667,  556,  833,  722,  778,  // 0x40
         667,  778,  722,  667,  611,  722,  667,  944,  667,  667,  611,  278,  278,  278,  469,  556,  // 0x50
         333,  556,  556,  500,  556,  556,  278,  556,  556,  222,  222,  500,  222,  833,  556,  556,  // 0x60
         556,  556,  333,  500,  278,  556,  500,  722,  500,  500,  500,  334,  260,  334,  584,    0,  // 0x70
         556,    0,  222,  556,  333, 1000,  556,  556,  333, 1000,  667,  333, 1000,    0,  611,    0,  // 0x80
           0,  222,  222,  333,  333,  350,  556, 1000,  333, 1000,  500,  333,  944,    0,  500,  667,  // 0x90
         278,  333,  556,  556,  556,  556,  260,  556,  333,  737,  370,  556,  584,  333,  737,  333,  // 0xA0
         400,  584,  333,  333,  333,  556,  537,  278,  333,  333,  365,  556,  834,  834,  834,  611,  // 0xB0
         667,  667,  667,  667,  667,  667, 1000,  722,  667,  667,  667,  667,  278,  278,  278,  278,  // 0xC0
         722,  722,  778,  778,  778,  778,  778,  584,  778,  722,  722,  722,  722,  667,  667,  611,  // 0xD0
         556,  556,  556,  556,  556,  556,  889,  500,  556,  556,  556,  556,  278,  278,  278,  278,  // 0xE0
         556,  556,  556,  556,  556,  556,  556,  584,  611,  556,  556,  556,  556,  500,  556,  500,  // 0xF0
    ]

    private static let helveticaBoldWidths: [UInt16] = [
         278,  333,  474,  556,  556,  889,  722,  238,  333,  333,  389,  584,  278,  333,  278,  278,  // 0x20
         556,  556,  556,  556,  556,  556,  556,  556,  556,  556,  333,  333,  584,  584,  584,  611,  // 0x30
         975,  722,  722,  722,  722,  667,  611,  778,  722,  278,  556,  722,  611,  833,  722,  778,  // 0x40
         667,  778,  722,  667,  611,  722,  667,  944,  667,  667,  611,  333,  278,  333,  584,  556,  // 0x50
         333,  556,  611,  556,  611,  556,  333,  611,  611,  278,  278,  556,  278,  889,  611,  611,  // 0x60
         611,  611,  389,  556,  333,  611,  556,  778,  556,  556,  500,  389,  280,  389,  584,    0,  // 0x70
         556,    0,  278,  556,  500, 1000,  556,  556,  333, 1000,  667,  333, 1000,    0,  611,    0,  // 0x80
           0,  278,  278,  500,  500,  350,  556, 1000,  333, 1000,  556,  333,  944,    0,  500,  667,  // 0x90
         278,  333,  556,  556,  556,  556,  280,  556,  333,  737,  370,  556,  584,  333,  737,  333,  // 0xA0
         400,  584,  333,  333,  333,  611,  556,  278,  333,  333,  365,  556,  834,  834,  834,  611,  // 0xB0
         722,  722,  722,  722,  722,  722, 1000,  722,  667,  667,  667,  667,  278,  278,  278,  278,  // 0xC0
         722,  722,  778,  778,  778,  778,  778,  584,  778,  722,  722,  722,  722,  667,  667,  611,  // 0xD0
         556,  556,  556,  556,  556,  556,  889,  556,  556,  556,  556,  556,  278,  278,  278,  278,  // 0xE0
         611,  611,  611,  611,  611,  611,  611,  584,  611,  611,  611,  611,  611,  556,  611,  556,  // 0xF0
    ]
}
