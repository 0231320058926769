import TrinvisCore

extension AppUpdate {
    /// `u` or Ctrl-Z (undo) and Ctrl-R (redo) where the screen's key table has them: the main
    /// screen, the detail views and the agenda. Nil for every other key.
    static func undoKey(_ key: Key, _ state: AppState) -> [Effect]? {
        switch AppKeys.current(state).action(for: key) {
        case .undo: return [.undo]
        case .redo: return [.redo]
        default: return nil
        }
    }
}
