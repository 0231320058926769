/// Ids across installations: every record made at a site has the id `site << 32 | n`. People
/// read and give the short `n` of a record made here (the interchange writes it as `c5`); a
/// record received from elsewhere keeps its whole id, which is at least 2^32, so the two never meet.
package enum SiteIDs {
    /// The ids of records made at `site`.
    package static func range(of site: Int64) -> ClosedRange<Int64> {
        (site << 32)...(site << 32 | 0xFFFF_FFFF)
    }

    /// The number people give for `id`: within the site for a record made at `site`, else the whole id.
    package static func short(_ id: Int64, site: Int64) -> Int64 {
        id >> 32 == site ? id & 0xFFFF_FFFF : id
    }

    /// The id a number given by a person means: a short number (below 2^32) is the record of that
    /// number made at `site`, a longer one the whole id.
    package static func local(_ number: Int64, site: Int64) -> Int64 {
        number >> 32 == 0 ? site << 32 | number : number
    }
}
