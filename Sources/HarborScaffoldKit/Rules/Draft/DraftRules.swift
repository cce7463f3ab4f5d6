/// The registry of draft rules, grouped by family file so each group is maintained on its own.
public enum DraftRules {
    /// Every draft rule, in id order.
    public static let all: [any DraftRule.Type] =
        (structure + values + testing + constraints + redFlags).sorted { $0.description.id < $1.description.id }
}
