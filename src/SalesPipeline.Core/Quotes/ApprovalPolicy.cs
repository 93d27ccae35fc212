using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// The rules that decide who must approve a quote before it is sent, resolved against the sales organisation.
/// </summary>
/// <remarks>
/// <para><see cref="Decide"/> checks every rule against the priced quote. Of the hierarchical rules that trigger, the
/// strictest wins (Manager &lt; NextLevelUp) and needs one approval; every role named by a triggered rule needs one
/// approval from a holder besides (roles cannot be ranked against the hierarchy or each other). The Manager level
/// resolves to the rep's manager (the nearest person of <c>SalesOrg.ManagersAbove</c>), NextLevelUp to the one above
/// that manager. A rule nobody could satisfy (no manager, no second level, a role nobody but the rep holds) is an error
/// at <see cref="Decide"/>, never a quote that waits for an approval that cannot come.</para>
/// <para>Who may approve: for a hierarchical approval the resolved person or anyone above them; for a role, anyone
/// holding it. Never the rep who owns the quote.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
/// <example><code>
/// var policy = new ApprovalPolicy([
///     ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
///     ApprovalRule.LineDiscountAbove(25m, Approver.NextLevelUp),
///     ApprovalRule.PriceUnderFloor(Approver.InRole("deal-desk")),
/// ]);
/// </code></example>
public sealed class ApprovalPolicy
{
    private readonly ApprovalRule[] rules;

    /// <summary>Creates a policy.</summary>
    /// <param name="rules">The rules, in the order the decision lists them; may be empty (no quote then needs approval).</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or a rule is null.</exception>
    public ApprovalPolicy(IEnumerable<ApprovalRule> rules) => this.rules = Preconditions.CheckNoNullElement(rules, "Rule");

    /// <summary>A policy with no rules: no quote needs approval.</summary>
    public static ApprovalPolicy None { get; } = new([]);

    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<ApprovalRule> Rules => rules.AsReadOnly();

    /// <summary>Every rule the priced quote triggers, with what it measured; no organisation needed.</summary>
    /// <param name="totals">The priced quote.</param>
    /// <returns>The triggered rules, in the policy's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="totals"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">An amount rule is in another currency than the quote.</exception>
    public IReadOnlyList<TriggeredRule> Check(QuoteTotals totals)
    {
        Preconditions.CheckNotNull(totals);
        var triggered = new List<TriggeredRule>();
        foreach (var rule in rules)
        {
            if (rule.Check(totals) is { } reason)
            {
                triggered.Add(new TriggeredRule(rule.Name, rule.Approver.Level, rule.Approver.Role, reason));
            }
        }
        return triggered.AsReadOnly();
    }

    /// <summary>Decides who must approve a quote of <paramref name="rep"/>.</summary>
    /// <param name="totals">The priced quote.</param>
    /// <param name="rep">The rep who owns the quote; a person of <paramref name="org"/>.</param>
    /// <param name="org">The sales organisation the approvers are found in.</param>
    /// <returns>The triggered rules and the required approvals.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="rep"/> is not a person of <paramref name="org"/>, or a required approval has nobody to give it: no
    /// manager above the rep, no second level for NextLevelUp, or a role nobody but the rep holds.
    /// </exception>
    /// <exception cref="CurrencyMismatchException">An amount rule is in another currency than the quote.</exception>
    /// <example><code>
    /// policy.Decide(totals, "alice", org); // needs manager maria: line discount above 10%: line "seat" is 12% off list, above 10%
    /// </code></example>
    public ApprovalDecision Decide(QuoteTotals totals, string rep, SalesOrg org)
    {
        Preconditions.CheckNotNull(rep);
        Preconditions.CheckNotNull(org);
        CheckPerson(org, rep, nameof(rep));
        var triggered = Check(totals);
        var required = new List<RequiredApproval>();
        foreach (var deciding in Deciding(triggered))
        {
            if (deciding.Level == ApproverLevel.Role)
            {
                if (!org.PeopleInRole(deciding.Role!).Any(p => p.Id != rep))
                {
                    throw new ArgumentException(
                        $"Rule \"{deciding.Rule}\" needs the approval of someone in role \"{deciding.Role}\", but nobody other than {rep} holds it in {org.Company}.",
                        nameof(rep)
                    );
                }
                required.Add(new RequiredApproval(ApproverLevel.Role, null, deciding.Role));
                continue;
            }
            var chain = org.ManagersAbove(rep);
            var needed = deciding.Level == ApproverLevel.Manager ? 1 : 2;
            if (chain.Count < needed)
            {
                throw new ArgumentException(
                    $"Rule \"{deciding.Rule}\" needs the approval of {(deciding.Level == ApproverLevel.Manager ? "the rep's manager" : "the next level up (the manager's manager)")}, but {(chain.Count == 0 ? "nobody" : "only " + chain[0])} is above {rep} in {org.Company}.",
                    nameof(rep)
                );
            }
            required.Add(new RequiredApproval(deciding.Level, chain[needed - 1], null));
        }
        return new ApprovalDecision(triggered, required.AsReadOnly());
    }

    /// <summary>"n rules: rule; rule".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{rules.Length} rules" + (rules.Length == 0 ? "" : ": " + string.Join("; ", rules.Select(r => r.ToString())));

    // The triggered rules that each call for one approval, in the order of the approvals: the hierarchy and the roles
    // are two ladders that cannot be ranked against each other, so the first rule of the strictest hierarchical level
    // that triggered, then the first rule of each role. Decide resolves them in the organisation; Quote.FromEvents checks
    // that a recorded submission requires exactly these.
    internal static IEnumerable<TriggeredRule> Deciding(IReadOnlyList<TriggeredRule> triggered)
    {
        var hierarchical = triggered.Where(t => t.Level is ApproverLevel.Manager or ApproverLevel.NextLevelUp).ToArray();
        if (hierarchical.Length > 0)
        {
            var level = hierarchical.Max(t => t.Level);
            yield return hierarchical.First(t => t.Level == level);
        }
        foreach (var roleRule in triggered.Where(t => t.Level == ApproverLevel.Role).DistinctBy(t => t.Role, StringComparer.Ordinal))
        {
            yield return roleRule;
        }
    }

    // The outstanding approvals that `approver` may give: never the rep's own; a hierarchical one by the resolved person
    // or anyone above them; a role by anyone holding it.
    internal static RequiredApproval[] SatisfiedBy(IEnumerable<RequiredApproval> outstanding, string approver, string rep, SalesOrg org) =>
        approver == rep
            ? []
            : outstanding
                .Where(r =>
                    r.Level == ApproverLevel.Role
                        ? org.PeopleInRole(r.Role!).Any(p => p.Id == approver)
                        : r.PersonId == approver
                            || (org.People.Any(p => p.Id == r.PersonId) && org.ManagersAbove(r.PersonId!).Contains(approver))
                )
                .ToArray();

    internal static void CheckPerson(SalesOrg org, string personId, string paramName) =>
        Preconditions.CheckArgument(org.People.Any(p => p.Id == personId), paramName, $"\"{personId}\" is not a person in {org.Company}.");
}
