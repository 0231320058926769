/// A citizen's place in their household.
package enum HouseholdRelation: String, TextEnumeration {
    case parent
    case child
    case partner
    case other
}
