#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CNcurses

/// The ncurses terminal: the only place that talks to curses.
///
/// Starting it sets the locale from the environment, checks that standard input and output are
/// a terminal whose type is known and can address the cursor (throwing ``TerminalStartError``
/// with the terminal untouched otherwise), then starts curses with `newterm`: cbreak, no echo,
/// keypad, no newline translation, no XON/XOFF flow control (so Ctrl-S and Ctrl-Q reach the
/// program), no suspend character (so Ctrl-Z reaches it: it undoes), a 25 ms Escape delay (``Options/defaultEscapeDelay``, or `ESCDELAY`), colours on the default background unless `NO_COLOR` is set or
/// the terminal has none. SIGTERM, SIGHUP, SIGINT and SIGQUIT only set a flag that
/// ``readInput(timeout:)`` reports; SIGTSTP and SIGWINCH are left to ncurses.
/// ``shutdown()`` (also run on deinit) restores the terminal and the signal handlers, after
/// which the program can exit with status 128 + signal (or re-raise the signal).
package final class NcursesBackend: TerminalBackend {
    /// Start-up choices.
    package struct Options: Sendable, Hashable {
        /// Report mouse events (off unless asked for with `--mouse` or the configuration).
        package var mouse: Bool
        /// Use colours when the terminal has them and `NO_COLOR` is not set.
        package var colors: Bool
        /// Milliseconds curses waits after Escape for the rest of an escape sequence, unless the
        /// `ESCDELAY` environment variable names another number (see ``escapeDelay(environment:default:)``).
        package var escapeDelay: Int32

        /// The escape delay Trinvis starts with: 25 ms, the short end of what the project's
        /// terminal conventions ask (25-50 ms), so that an arrow or Alt-key whose bytes a slow
        /// link splits is still read as one key; `ESCDELAY` sets another (a fast local terminal
        /// may take 10).
        package static let defaultEscapeDelay: Int32 = 25

        /// Creates options.
        package init(mouse: Bool = false, colors: Bool = true, escapeDelay: Int32 = Options.defaultEscapeDelay) {
            self.mouse = mouse
            self.colors = colors
            self.escapeDelay = escapeDelay
        }
    }

    /// The key codes of the ncurses headers this was built against.
    package static let keyCodes = KeyCodes(
        ok: OK, codeYes: KEY_CODE_YES, err: ERR, down: KEY_DOWN, up: KEY_UP, left: KEY_LEFT,
        right: KEY_RIGHT, home: KEY_HOME, end: KEY_END, backspace: KEY_BACKSPACE, f0: KEY_F0,
        deleteCharacter: KEY_DC, insertCharacter: KEY_IC, nextPage: KEY_NPAGE,
        previousPage: KEY_PPAGE, enter: KEY_ENTER, backTab: KEY_BTAB, find: KEY_FIND,
        select: KEY_SELECT, mouse: KEY_MOUSE, resize: KEY_RESIZE)

    /// The glyph set: Unicode when the locale's codeset is UTF-8, ASCII otherwise.
    package let glyphs: Glyphs
    /// Whether roles are drawn as colours or as attributes.
    package let colorMode: ColorMode

    /// The curses screen made by `newterm`.
    let screen: OpaquePointer
    /// Its main window, which every frame is drawn into.
    let window: UnsafeMutablePointer<WINDOW>
    /// Whether the locale's codeset is UTF-8 (otherwise non-ASCII is drawn as "?").
    let localeIsUTF8: Bool
    /// The last frame sent, to send only what changed; nil forces a full repaint.
    var previousFrame: Canvas?
    /// Whether the hardware cursor is currently shown.
    var cursorVisible = false
    private var signals: SignalWatch
    private var isRunning = true

    /// Starts curses on the controlling terminal.
    package init(options: Options = Options()) throws(TerminalStartError) {
        TerminalCapabilities.adoptEnvironmentLocale()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw .notATerminal
        }
        guard !term.isEmpty else { throw .unknownTerminal(term: term) }
        switch trinvis_check_terminal(STDOUT_FILENO) {
        case 0: break
        case 2: throw .unusableTerminal(term: term)
        default: throw .unknownTerminal(term: term)
        }
        // Installed before newterm, so curses keeps its own SIGINT/SIGTERM handlers out and
        // restoring puts back exactly what the process had.
        var signals = SignalWatch.install()
        guard let screen = newterm(nil, trinvis_stdout(), trinvis_stdin()) else {
            signals.restore()
            throw .unknownTerminal(term: term)
        }
        guard let window = trinvis_stdscr() else {
            endwin()
            delscreen(screen)
            signals.restore()
            throw .initializationFailed(term: term)
        }
        self.signals = signals
        self.screen = screen
        self.window = window
        self.localeIsUTF8 = TerminalCapabilities.localeIsUTF8()
        self.glyphs = localeIsUTF8 ? .unicode : .ascii

        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        Self.defineCursorKeysOfBothModes()
        set_escdelay(Self.escapeDelay(
            environment: getenv("ESCDELAY").map { String(cString: $0) }, default: options.escapeDelay))
        curs_set(0)
        Self.disableFlowControl()

        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        var mode = ColorMode.resolve(
            colorsWanted: options.colors, noColorVariable: noColor, terminalHasColors: has_colors())
        if mode == .color && !Self.startColors() {
            mode = .monochrome
        }
        self.colorMode = mode

        if options.mouse {
            mousemask(trinvis_mouse_report_mask(), nil)
        }
    }

    deinit {
        shutdown()
    }

    /// Restores the terminal (`endwin`) and the previous signal handlers. Safe to call twice.
    package func shutdown() {
        guard isRunning else { return }
        isRunning = false
        signals.restore()
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    /// The current screen size (re-read after every resize).
    package var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Makes the next frame repaint every cell of the terminal.
    package func invalidate() {
        previousFrame = nil
        clearok(window, true)
    }

    /// Waits for a key, a signal or the timeout.
    package func readInput(timeout: Duration?) -> InputEvent {
        readInput(timeout: timeout, wake: nil)
    }

    /// Waits for a key, a signal, the timeout, or `wake` to be signalled (``InputEvent/wake``).
    ///
    /// Reads in slices of at most half a second, so a signal is noticed even if the read is not
    /// interrupted by it. With `wake`, each slice first takes a key curses already holds (the
    /// rest of an escape sequence it read ahead), then polls the terminal and the pipe together,
    /// and reads the terminal only once it has something.
    package func readInput(timeout: Duration?, wake: WakePipe?) -> InputEvent {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while true {
            if let signalNumber = signals.takePending() {
                return .signal(signalNumber)
            }
            if wake?.isSignalled == true { return .wake }
            var slice = Duration.milliseconds(500)
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                if remaining <= .zero { return .timeout }
                slice = min(slice, remaining)
            }
            if let wake {
                if let event = readKey(waiting: .zero) { return event }
                guard Self.terminalIsReady(orSignalled: wake, within: slice) else { continue }
            }
            if let event = readKey(waiting: slice) { return event }
        }
    }

    /// One key from curses, waiting at most `wait` for it; nil when none came (or what came is
    /// no key), a hang-up when the terminal is gone.
    private func readKey(waiting wait: Duration) -> InputEvent? {
        wtimeout(window, WakePipe.milliseconds(wait))
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        guard status != ERR else {
            // A closed terminal (SSH dropped, window closed) makes every read fail at once;
            // when no SIGHUP reports it (blocked, or already taken), treat it as a hang-up
            // rather than spinning.
            return Self.terminalIsGone() ? .signal(SIGHUP) : nil
        }
        var mouse: MouseEvent?
        if status == KEY_CODE_YES && Int32(value) == KEY_MOUSE {
            mouse = Self.readMouse()
        }
        return KeyDecoder.decode(status: status, value: UInt32(value), codes: Self.keyCodes, mouse: mouse).map(InputEvent.key)
    }

    /// `keypad` asks the terminal for its keypad-transmit mode, in which it sends ↑ as ESC O A,
    /// the key of the terminfo entry. A terminal that ignores the request (a serial console, a
    /// terminal or an SSH client set so) sends ESC [ A, as in its normal mode, which curses would
    /// read as Esc, `[` and `A` (showing the archived citizens). The arrows, Home and End are
    /// therefore read in both forms; a sequence the entry already binds is left as it is.
    private static func defineCursorKeysOfBothModes() {
        let keys: [(final: String, code: Int32)] = [("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT),
                                                    ("H", KEY_HOME), ("F", KEY_END)]
        for key in keys {
            for introducer in ["\u{1B}[", "\u{1B}O"] where key_defined(introducer + key.final) == 0 {
                define_key(introducer + key.final, key.code)
            }
        }
    }

    /// The escape delay to use: the `ESCDELAY` environment variable when it is a number of
    /// milliseconds from 0 to 10000, otherwise `fallback`.
    package static func escapeDelay(environment value: String?, default fallback: Int32) -> Int32 {
        guard let value, let milliseconds = Int32(value),
              (0...10_000).contains(milliseconds) else { return fallback }
        return milliseconds
    }

    /// Whether bytes from the terminal wait to be read (the next key has already arrived).
    package var hasPendingInput: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    // MARK: - Private

    /// Waits at most `slice` for bytes from the terminal or for `wake`: true when the terminal has
    /// something (or hung up), false when `wake` was signalled, a signal came or the time passed.
    private static func terminalIsReady(orSignalled wake: WakePipe, within slice: Duration) -> Bool {
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0)]
        guard poll(&descriptors, 2, WakePipe.milliseconds(slice)) > 0 else { return false }
        return descriptors[0].revents != 0 && descriptors[1].revents == 0
    }

    /// True when standard input has hung up or is no longer a terminal.
    private static func terminalIsGone() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return errno != EINTR }
        let failure = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        return descriptor.revents & failure != 0 || isatty(STDIN_FILENO) != 1
    }

    /// Turns off XON/XOFF so Ctrl-S and Ctrl-Q arrive as keys, and the suspend character so that
    /// Ctrl-Z does (it undoes; Ctrl-C still ends Trinvis), and records the result as the program
    /// mode curses restores after suspend and resume (`endwin` restores the shell mode).
    private static func disableFlowControl() {
        var attributes = termios()
        guard tcgetattr(STDIN_FILENO, &attributes) == 0 else { return }
        attributes.c_iflag &= ~tcflag_t(IXON)
        let disabled = fpathconf(STDIN_FILENO, Int32(_PC_VDISABLE))
        withUnsafeMutableBytes(of: &attributes.c_cc) { characters in
            if disabled >= 0, Int(VSUSP) < characters.count { characters[Int(VSUSP)] = UInt8(truncatingIfNeeded: disabled) }
        }
        if tcsetattr(STDIN_FILENO, TCSANOW, &attributes) == 0 {
            def_prog_mode()
        }
    }

    /// Starts colours on the terminal's default background and defines a pair per role, and one of
    /// the default colours (``StylePalette/defaultColorsPair``) that uncoloured text is sent in.
    private static func startColors() -> Bool {
        guard start_color() == OK, use_default_colors() == OK else { return false }
        for (index, entry) in StylePalette.foregrounds.enumerated() {
            init_pair(Int16(index + 1), entry.color.rawValue, TerminalColor.terminalDefault.rawValue)
        }
        let plain = TerminalColor.terminalDefault.rawValue
        init_pair(StylePalette.defaultColorsPair, plain, plain)
        return true
    }

    private static func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let button: MouseButton
        switch trinvis_mouse_button(event.bstate) {
        case 1: button = .left
        case 2: button = .middle
        case 3: button = .right
        case 4: button = .wheelUp
        case 5: button = .wheelDown
        default: button = .none
        }
        let action: MouseAction
        switch trinvis_mouse_kind(event.bstate) {
        case 1: action = .press
        case 2: action = .release
        case 3: action = .click
        case 4: action = .doubleClick
        default: action = .other
        }
        return MouseEvent(row: Int(event.y), col: Int(event.x), button: button, action: action)
    }
}
