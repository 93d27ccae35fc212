namespace SalesPipeline.Targets;

/// <summary>Whom a <see cref="Quota"/> is for: one person, a team (with its whole subtree) or the whole company.</summary>
public enum QuotaLevel
{
    /// <summary>One person (a rep): the subject id is a <see cref="Organization.SalesPerson"/> id, the owner of their deals.</summary>
    Person = 0,

    /// <summary>A team and every team below it: the subject id is a <see cref="Organization.Team"/> id.</summary>
    Team = 1,

    /// <summary>The whole company: every deal counts; the subject id is a name for reports, for example the company's name.</summary>
    Company = 2,
}
