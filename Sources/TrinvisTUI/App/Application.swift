import TrinvisCore

/// The full-screen program: the ncurses backend, the event loop and the runtime.
package enum Application {
    /// How the interface ended.
    package enum Ending: Sendable, Equatable {
        /// The user quit.
        case quit
        /// A termination signal arrived; the terminal is restored. Exit with 128 + the number.
        case signal(Int32)
    }

    /// Runs the interface until the user quits or a signal arrives. Throws `TerminalStartError`
    /// (with the terminal untouched) when the terminal cannot be used.
    package static func run(workspace: Workspace, language: Language, mouse: Bool, printFolder: String,
                            printer: Printer?, fontEnvironment: [String: String]) throws -> Ending {
        let backend = try NcursesBackend(options: NcursesBackend.Options(mouse: mouse))
        defer { backend.shutdown() }
        let runtime = AppRuntime(workspace: workspace, language: language, size: backend.size, mouse: mouse,
                                 glyphs: backend.glyphs, printFolder: printFolder, printer: printer,
                                 fontEnvironment: fontEnvironment)
        // The report being worked out stops and its thread ends before the terminal is restored.
        defer { runtime.stopBackgroundWork() }
        let session = TerminalSession(backend: backend, minimumSize: Layout.minimumSize,
                                      tooSmallMessage: Localizer(language)(.terminalTooSmall),
                                      tickInterval: .seconds(1), wake: runtime.backgroundWake)
        let end = session.run(render: { runtime.render(into: &$0) },
                              handle: { event in
                                  let quit: Bool
                                  switch event {
                                  case .key(let key): quit = runtime.send(.key(key), inputWaiting: backend.hasPendingInput)
                                  case .resize(let size): quit = runtime.send(.resize(size))
                                  case .tick: quit = runtime.send(.tick)
                                  case .wake: quit = runtime.receiveBackgroundWork()
                                  }
                                  return quit ? .quit : .continue
                              })
        // What was looked up in the last second reaches the access log before the program ends.
        try? workspace.flushAccessLog()
        switch end {
        case .quit:
            return .quit
        case .signal(let number):
            // A hang-up or a request to end: what was typed since the last draft is written too.
            runtime.flushDraft()
            return .signal(number)
        }
    }
}
