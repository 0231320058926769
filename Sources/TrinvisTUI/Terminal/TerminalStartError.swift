import TrinvisCore

/// Why the terminal could not be started. The terminal is left as it was; the caller prints the
/// message (from its catalog, or ``description``) and exits with status 1.
package enum TerminalStartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (output redirected, no tty).
    case notATerminal
    /// `TERM` is unset or names a terminal type the terminfo database does not know.
    case unknownTerminal(term: String)
    /// The terminal type is known but cannot run a full-screen program (no cursor addressing).
    case unusableTerminal(term: String)
    /// curses failed to start for another reason.
    case initializationFailed(term: String)

    /// An English message naming what failed and what to do.
    package var description: String {
        switch self {
        case .notATerminal:
            return "The full-screen interface needs a terminal: standard input and output must "
                + "not be redirected. Run trinvis directly in a terminal window."
        case .unknownTerminal(let term) where term.isEmpty:
            return "The terminal type is not set (TERM is empty). Set TERM to your terminal's "
                + "type, for example: export TERM=xterm-256color"
        case .unknownTerminal(let term):
            return "The terminal type \"\(Sanitizer.sanitize(term))\" (TERM) is unknown to this "
                + "system. Set TERM to a known type, for example: export TERM=xterm-256color"
        case .unusableTerminal(let term):
            return "The terminal type \"\(Sanitizer.sanitize(term))\" (TERM) cannot show a "
                + "full-screen program. Use a terminal emulator such as xterm, or set TERM to "
                + "its type."
        case .initializationFailed(let term):
            return "The terminal (TERM=\(Sanitizer.sanitize(term))) could not be started. Check "
                + "that TERM matches your terminal and try again."
        }
    }
}
