/// Where a page of a list starts: the order key of the last row of the previous page.
package struct PageCursor: Sendable, Hashable {
    /// The values of the record type's `order` columns.
    package let key: [SQLValue]

    package init(key: [SQLValue]) {
        self.key = key
    }
}

/// A request for one page of a list: at most `limit` rows after `after`.
package struct PageRequest: Sendable, Hashable {
    /// The most rows to return (1…1000).
    package let limit: Int
    /// Start after this cursor; nil for the first page.
    package let after: PageCursor?

    package init(limit: Int, after: PageCursor? = nil) {
        self.limit = max(1, min(limit, PageRequest.maximumLimit))
        self.after = after
    }

    /// The largest page any query returns.
    package static let maximumLimit = 1_000

    /// The first page of `limit` rows.
    package static func first(_ limit: Int) -> PageRequest { PageRequest(limit: limit) }
}

/// One page of a list and the cursor of the next, if there is more.
package struct Page<Item: Sendable>: Sendable {
    /// The rows of this page, in list order.
    package let items: [Item]
    /// The cursor for the next page, nil on the last page.
    package let next: PageCursor?

    package init(items: [Item], next: PageCursor?) {
        self.items = items
        self.next = next
    }
}
