import TrinvisCore
import TrinvisTUI

extension Suite {
    /// The main screen as the interface runs it (`AppRuntime`: update, effects, view), at
    /// 200x60: drawing one frame into an in-memory canvas, and moving down the citizen list,
    /// which loads the selected citizen's summary, plan, milestones and meetings.
    func measureScreens(_ workspace: Workspace,
                        add: (String, Int, Int, (Int) throws -> Int) throws -> Void) throws {
        let size = Size(width: 200, height: 60)
        let runtime = AppRuntime(workspace: workspace, language: .danish, size: size)
        runtime.press(.down)
        try add("screen: draw main screen 200x60", fast, 3) { _ in
            var canvas = Canvas(size: size)
            runtime.render(into: &canvas)
            return 1
        }
        try add("screen: ↓ in citizen list (loads the panes)", fast, 3) { _ in
            runtime.press(.down)
            return 1
        }
    }
}
