extension CitizenPrintout {
    /// The width of the text printout in display columns.
    package static var textColumns: Int { 72 }

    /// The printout as plain UTF-8 text, wrapped at `textColumns` display columns without
    /// breaking words: the title underlined with `=`, headings with `-`; list entries with their
    /// word in a column on the left (`Done`, `Overdue`) or a dash, and a `!` in the margin for
    /// what is overdue.
    package func text() -> String {
        var lines: [String] = [title, underline(title, with: "="), ""]
        lines += wrap(citizenName)
        for line in headerLines { lines += wrap(line) }
        for section in sections {
            lines += ["", section.heading, underline(section.heading, with: "-")]
            let labels = section.blocks.compactMap { block -> String? in
                if case .item(let label?, _, _, _) = block { return label }
                return nil
            }
            let labelWidth = labels.map(TextColumns.displayWidth).max() ?? 0
            for (index, block) in section.blocks.enumerated() {
                switch block {
                case .paragraph(let text):
                    if section.separateParagraphs && index > 0 { lines.append("") }
                    lines += wrap(text)
                case .item(let label, let text, let details, let alert):
                    let margin = alert ? "! " : "  "
                    let marker: String
                    if let label {
                        let padding = String(repeating: " ", count: max(0, labelWidth - TextColumns.displayWidth(label)))
                        marker = margin + label + padding + "  "
                    } else {
                        marker = alert ? "! " : "- "
                    }
                    let indent = String(repeating: " ", count: TextColumns.displayWidth(marker))
                    for (index, line) in wrap(text, indent: indent.count).enumerated() {
                        lines.append((index == 0 ? marker : indent) + line)
                    }
                    for detail in details {
                        lines += wrap(detail, indent: indent.count).map { indent + $0 }
                    }
                }
            }
        }
        return lines.map(TextColumns.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String, indent: Int = 0) -> [String] {
        let width = Double(max(Self.textColumns - indent, 10))
        return LineWrapping.wrap(text, width: width) { Double(TextColumns.displayWidth($0)) }
    }

    private func underline(_ text: String, with mark: Character) -> String {
        String(repeating: mark, count: min(TextColumns.displayWidth(text), Self.textColumns))
    }
}
