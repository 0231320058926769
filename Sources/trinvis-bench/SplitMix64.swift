/// A small deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The benchmark draws everything from it, so that the same seed gives the same database and the
/// same targets on every machine and every Swift version (the standard library's `random(in:)`
/// algorithms are not promised to stay the same, so ranges are mapped here).
struct SplitMix64 {
    private var state: UInt64

    /// A generator that starts from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// An independent generator for sub-stream `index` of `seed` (one per citizen), so that a
    /// citizen's data does not depend on how much was drawn for the citizens before.
    init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (the modulo bias is far below anything a benchmark could notice).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// A number in `0..<count`.
    mutating func index(_ count: Int) -> Int {
        precondition(count > 0, "index(_:) needs a positive count")
        return Int(next() % UInt64(count))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        int(0...99) < percent
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[index(elements.count)]
    }

    /// `count` distinct elements of `elements` (all of them when there are fewer), in drawn order.
    mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
        var pool = elements
        var chosen: [T] = []
        while chosen.count < count && !pool.isEmpty {
            chosen.append(pool.swapRemove(at: index(pool.count)))
        }
        return chosen
    }
}

extension Array {
    /// Removes the element at `index` by moving the last element into its place (order is lost).
    fileprivate mutating func swapRemove(at index: Int) -> Element {
        swapAt(index, count - 1)
        return removeLast()
    }
}
