import Foundation
import TrinvisCore

/// Parses the command line, runs the command and exits with its status (0, 1 or 2).
func trinvisMain() -> Int32 {
    // A setgid Trinvis creates nothing that others may read.
    if SharedInstallation.isActive { umask(0o007) }
    var environment = Environment(variables: ProcessInfo.processInfo.environment)
    let fallbackLanguage = Language.fromEnvironment(environment.variables)
    let invocation: Invocation
    do {
        invocation = try parseInvocation(Array(CommandLine.arguments.dropFirst()))
    } catch let error as UsageError {
        let say = Localizer(fallbackLanguage)
        printError(say(.usageError(say(error.phrase))))
        return 2
    } catch {
        printError(String(describing: error))
        return 2
    }
    let say = Localizer(invocation.language ?? fallbackLanguage)
    do {
        environment.shared = try SharedInstallation.current()
    } catch let failure as Failure {
        printError(say(.failure(say(failure.phrase))))
        return 1
    } catch {
        printError(say(.failure(String(describing: error))))
        return 1
    }
    return CommandRunner(environment: environment, invocation: invocation, say: say).run()
}

exit(trinvisMain())
