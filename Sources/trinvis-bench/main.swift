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
exit(benchMain(Array(CommandLine.arguments.dropFirst())))
#endif
