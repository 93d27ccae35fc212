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
/// <para><see cref="Decide"/> checks every rule against the priced quote; the strictest approver level among those
/// that trigger wins (<see cref="ApprovalDecision"/> gives the order). The Manager level resolves to the rep's
/// manager (the nearest person of <c>SalesOrg.ManagersAbove</c>), NextLevelUp to the one above that manager, or to
/// the top of the chain when the manager is already the top; a rep with nobody above them cannot have a hierarchical
/// approval, which is an error rather than a quote nobody could approve.</para>
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
    /// <paramref name="rep"/> is not a person of <paramref name="org"/>, or a hierarchical approval is required and nobody is above the rep.
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
        var level = triggered.Count == 0 ? ApproverLevel.Nobody : triggered.Max(t => t.Level);
        RequiredApproval[] required;
        switch (level)
        {
            case ApproverLevel.Nobody:
                required = [];
                break;
            case ApproverLevel.Role:
                required = triggered
                    .Where(t => t.Level == ApproverLevel.Role)
                    .Select(t => t.Role!)
                    .Distinct(StringComparer.Ordinal)
                    .Select(role => new RequiredApproval(ApproverLevel.Role, null, role))
                    .ToArray();
                break;
            default:
                var chain = org.ManagersAbove(rep);
                if (chain.Count == 0)
                {
                    var rule = triggered.First(t => t.Level == level).Rule;
                    throw new ArgumentException(
                        $"Rule \"{rule}\" needs the approval of {(level == ApproverLevel.Manager ? "the rep's manager" : "the next level up")}, but nobody is above {rep} in {org.Company}.",
                        nameof(rep)
                    );
                }
                var person = level == ApproverLevel.Manager || chain.Count == 1 ? chain[0] : chain[1];
                required = [new RequiredApproval(level, person, null)];
                break;
        }
        return new ApprovalDecision(triggered, required.AsReadOnly());
    }

    /// <summary>"n rules: rule; rule".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{rules.Length} rules" + (rules.Length == 0 ? "" : ": " + string.Join("; ", rules.Select(r => r.ToString())));

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
