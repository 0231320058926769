/// The version of Trinvis.
package enum TrinvisVersion {
    /// The version printed by `trinvis --version`.
    package static let current = "0.1.0"
}
