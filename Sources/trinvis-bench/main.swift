#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Timings of a debug build say nothing about the program people run.
#if DEBUG
writeError("build with -c release: swift run -c release trinvis-bench\n")
exit(2)
#else
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == importChildArgument, arguments.count == 3 {
    exit(importChild(document: arguments[1], database: arguments[2]))
}
exit(benchMain(arguments))
#endif
