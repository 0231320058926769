/// The numeric codes curses uses in `wget_wch` results.
///
/// ``standard`` holds the values every ncurses build uses; the backend passes the values of its
/// own headers, and a test checks that the two agree.
package struct KeyCodes: Sendable, Hashable {
    /// `OK`: the value is a character.
    package var ok: Int32
    /// `KEY_CODE_YES`: the value is a key code.
    package var codeYes: Int32
    /// `ERR`: nothing was read (timeout or interrupted).
    package var err: Int32
    /// `KEY_DOWN`.
    package var down: Int32
    /// `KEY_UP`.
    package var up: Int32
    /// `KEY_LEFT`.
    package var left: Int32
    /// `KEY_RIGHT`.
    package var right: Int32
    /// `KEY_HOME`.
    package var home: Int32
    /// `KEY_END`.
    package var end: Int32
    /// `KEY_BACKSPACE`.
    package var backspace: Int32
    /// `KEY_F0`; `KEY_F(n)` is `f0 + n`.
    package var f0: Int32
    /// `KEY_DC`.
    package var deleteCharacter: Int32
    /// `KEY_IC`.
    package var insertCharacter: Int32
    /// `KEY_NPAGE`.
    package var nextPage: Int32
    /// `KEY_PPAGE`.
    package var previousPage: Int32
    /// `KEY_ENTER`.
    package var enter: Int32
    /// `KEY_BTAB`.
    package var backTab: Int32
    /// `KEY_FIND` (some terminals send it for Home).
    package var find: Int32
    /// `KEY_SELECT` (some terminals send it for End).
    package var select: Int32
    /// `KEY_MOUSE`.
    package var mouse: Int32
    /// `KEY_RESIZE`.
    package var resize: Int32

    /// The codes of ncurses (stable since ncurses 5).
    package static let standard = KeyCodes(
        ok: 0, codeYes: 0o400, err: -1, down: 0o402, up: 0o403, left: 0o404, right: 0o405,
        home: 0o406, end: 0o550, backspace: 0o407, f0: 0o410, deleteCharacter: 0o512,
        insertCharacter: 0o513, nextPage: 0o522, previousPage: 0o523, enter: 0o527,
        backTab: 0o541, find: 0o552, select: 0o601, mouse: 0o631, resize: 0o632)
}

/// Turns `wget_wch` results into ``Key`` values; pure, so it is tested without a terminal.
package enum KeyDecoder {
    /// Decodes one `wget_wch` result.
    ///
    /// - Parameters:
    ///   - status: the function's return value (`OK`, `KEY_CODE_YES` or `ERR`).
    ///   - value: the `wint_t` it stored.
    ///   - codes: the curses constants.
    ///   - mouse: the event fetched with `getmouse` when `value` is `KEY_MOUSE`.
    /// - Returns: the key, or nil when nothing was read (`ERR`).
    package static func decode(
        status: Int32, value: UInt32, codes: KeyCodes = .standard, mouse: MouseEvent? = nil
    ) -> Key? {
        if status == codes.ok {
            return decodeCharacter(value)
        }
        if status == codes.codeYes {
            return decodeKeyCode(Int32(truncatingIfNeeded: value), codes: codes, mouse: mouse)
        }
        return nil
    }

    /// Decodes a character value (status `OK`): controls become named keys or `ctrl`.
    package static func decodeCharacter(_ value: UInt32) -> Key {
        switch value {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0: return .ctrl("@")
        case 1...26:
            guard let letter = Unicode.Scalar(0x60 + value) else { return .unknown(Int32(value)) }
            return .ctrl(Character(letter))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80...0x9F:
            return .unknown(Int32(value))
        default:
            guard let scalar = Unicode.Scalar(value) else {
                return .unknown(Int32(truncatingIfNeeded: value))
            }
            return .character(Character(scalar))
        }
    }

    /// Decodes a key code (status `KEY_CODE_YES`).
    package static func decodeKeyCode(_ code: Int32, codes: KeyCodes = .standard, mouse: MouseEvent? = nil)
        -> Key
    {
        switch code {
        case codes.up: return .up
        case codes.down: return .down
        case codes.left: return .left
        case codes.right: return .right
        case codes.home, codes.find: return .home
        case codes.end, codes.select: return .end
        case codes.previousPage: return .pageUp
        case codes.nextPage: return .pageDown
        case codes.enter: return .enter
        case codes.backspace: return .backspace
        case codes.deleteCharacter: return .delete
        case codes.insertCharacter: return .insert
        case codes.backTab: return .backTab
        case codes.resize: return .resize
        case codes.mouse:
            if let mouse { return .mouse(mouse) }
            return .unknown(code)
        case (codes.f0 + 1)...(codes.f0 + 63):
            return .function(Int(code - codes.f0))
        default:
            return .unknown(code)
        }
    }
}
