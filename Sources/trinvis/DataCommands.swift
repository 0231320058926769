import Foundation
import TrinvisCore

extension CommandRunner {
    func importDocument(_ path: String) throws {
        throw Failure(phrase: .importFailed("not built yet"))
    }

    func export(citizen: String?, output: String?) throws {
        throw Failure(phrase: .importFailed("not built yet"))
    }

    func report(from: LocalDate?, to: LocalDate?, organisation: String?, format: Invocation.ReportFormat) throws {
        throw Failure(phrase: .importFailed("not built yet"))
    }
}
