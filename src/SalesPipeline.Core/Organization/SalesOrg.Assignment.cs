using System;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Organization;

// Assignment authority: who may put a deal or lead in which pool and give it to which rep. The deal and the lead only
// record assignments; the organisation decides whether the actor may make them. The rules, and why:
// - Admins (sales operations) may make every assignment, including to and from the company pool, which they route.
// - Nobody moves a record they cannot see (VisibilityScope.Sees): a team lead takes from the pools they see and from
//   their people, never from a colleague's team.
// - A team lead fills the pools of the teams they lead and of every team below, and gives records to the people they
//   see (anyone in those teams, and themselves).
// - A rep may hand their own record back to their own team's pool, nothing else (they cannot see pools, so they cannot
//   take from one). Putting a record in the company pool is for admins only: it leaves every team's view.
// This is Salesforce's queue model with the role hierarchy as the only sharing rule, Odoo's sales teams with the team
// leader dispatching, and HubSpot's team-based permissions where a user assigns within the teams they manage.
public sealed partial class SalesOrg
{
    /// <summary>
    /// Whether <paramref name="actorId"/> may put <paramref name="deal"/> in <paramref name="teamId"/>'s pool (or the
    /// company pool when null): an admin always; anyone else only a deal they can see, into the pool of a team they lead
    /// or one below it; a rep only their own deal, back into their own team's pool. The company pool is for admins only.
    /// </summary>
    /// <param name="actorId">Who would do it; a person in the organisation.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="teamId">The team whose pool, or null for the company pool; a team in the organisation when given.</param>
    /// <returns>True when the organisation permits it (the pipeline may still refuse, for example a won deal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actorId"/> or <paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actorId"/> is not a person or <paramref name="teamId"/> is not a team in the organisation.</exception>
    public bool CanAssignToPool(string actorId, Deal deal, string? teamId) =>
        PoolProblem(Person(actorId, nameof(actorId)), Preconditions.CheckNotNull(deal).Owner, deal.Team, $"deal {deal.Id}", teamId) is null;

    /// <summary>Whether <paramref name="actorId"/> may put <paramref name="lead"/> in a pool; the rules of <see cref="CanAssignToPool(string, Deal, string?)"/>.</summary>
    /// <param name="actorId">Who would do it; a person in the organisation.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="teamId">The team whose pool, or null for the company pool; a team in the organisation when given.</param>
    /// <returns>True when the organisation permits it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actorId"/> or <paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actorId"/> is not a person or <paramref name="teamId"/> is not a team in the organisation.</exception>
    public bool CanAssignToPool(string actorId, Lead lead, string? teamId) =>
        PoolProblem(Person(actorId, nameof(actorId)), Preconditions.CheckNotNull(lead).Owner, lead.Team, $"lead {lead.Id}", teamId) is null;

    /// <summary>
    /// Whether <paramref name="actorId"/> may give <paramref name="deal"/> to <paramref name="repId"/>: an admin always;
    /// anyone else only a deal they can see (theirs, their people's, or in a pool they see), to someone they can see
    /// (themselves, or a member of a team they lead or one below it).
    /// </summary>
    /// <param name="actorId">Who would do it; a person in the organisation.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="repId">The new owner; a person in the organisation.</param>
    /// <returns>True when the organisation permits it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actorId"/> or <paramref name="repId"/> is not a person in the organisation.</exception>
    public bool CanAssignToRep(string actorId, Deal deal, string repId) =>
        RepProblem(Person(actorId, nameof(actorId)), Preconditions.CheckNotNull(deal).Owner, deal.Team, $"deal {deal.Id}", repId) is null;

    /// <summary>Whether <paramref name="actorId"/> may give <paramref name="lead"/> to <paramref name="repId"/>; the rules of <see cref="CanAssignToRep(string, Deal, string)"/>.</summary>
    /// <param name="actorId">Who would do it; a person in the organisation.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="repId">The new owner; a person in the organisation.</param>
    /// <returns>True when the organisation permits it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actorId"/> or <paramref name="repId"/> is not a person in the organisation.</exception>
    public bool CanAssignToRep(string actorId, Lead lead, string repId) =>
        RepProblem(Person(actorId, nameof(actorId)), Preconditions.CheckNotNull(lead).Owner, lead.Team, $"lead {lead.Id}", repId) is null;

    /// <summary>
    /// Puts a deal in a pool if the organisation permits <paramref name="by"/> to (<see cref="CanAssignToPool(string, Deal, string?)"/>)
    /// and the pipeline accepts it; otherwise returns every reason, a refusal by the organisation as
    /// <see cref="RejectionCode.NotPermittedByOrganization"/>, and the deal unchanged.
    /// </summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="teamId">The team whose pool, or null for the company pool.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who; a person in the organisation.</param>
    /// <returns>The result: the pooled deal with its <see cref="DealAssignedToPool"/> event, or the rejections.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is not a person or <paramref name="teamId"/> is not a team in the organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    /// <example><c>org.TryAssignToPool(pipeline, deal, "emea", at, "olav")</c> by the head of sales puts a deal in EMEA's pool.</example>
    public TransitionResult TryAssignToPool(PipelineDefinition pipeline, Deal deal, string? teamId, Instant at, string by)
    {
        // Time first, as every command checks it, so a bad instant is reported whatever else is wrong.
        Preconditions.CheckInstant(at);
        Preconditions.CheckNotNull(deal);
        var problem = PoolProblem(Person(by, nameof(by)), deal.Owner, deal.Team, $"deal {deal.Id}", teamId);
        return Decide(pipeline, deal, DealCommand.AssignToPool(teamId, at, by), problem);
    }

    /// <summary>
    /// Gives a deal to a rep (from a pool or from another rep) if the organisation permits <paramref name="by"/> to
    /// (<see cref="CanAssignToRep(string, Deal, string)"/>) and the pipeline accepts it; otherwise returns every reason and
    /// the deal unchanged.
    /// </summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="repId">The new owner.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who; a person in the organisation.</param>
    /// <returns>The result: the deal with its <see cref="OwnerReassigned"/> event, or the rejections.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or <paramref name="repId"/> is not a person in the organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public TransitionResult TryAssignToRep(PipelineDefinition pipeline, Deal deal, string repId, Instant at, string by)
    {
        Preconditions.CheckInstant(at);
        Preconditions.CheckNotNull(deal);
        var problem = RepProblem(Person(by, nameof(by)), deal.Owner, deal.Team, $"deal {deal.Id}", repId);
        return Decide(pipeline, deal, DealCommand.Reassign(repId, at, by), problem);
    }

    /// <summary>Puts a deal in a pool as <see cref="TryAssignToPool"/> does, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="teamId">The team whose pool, or null for the company pool.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who; a person in the organisation.</param>
    /// <returns>The pooled deal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="deal"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is not a person or <paramref name="teamId"/> is not a team in the organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    /// <exception cref="InvalidTransitionException">The organisation or the pipeline refuses it; the exception lists every reason.</exception>
    public Deal AssignToPool(PipelineDefinition pipeline, Deal deal, string? teamId, Instant at, string by) =>
        TryAssignToPool(pipeline, deal, teamId, at, by).GetDealOrThrow();

    /// <summary>Gives a deal to a rep as <see cref="TryAssignToRep"/> does, or throws.</summary>
    /// <param name="pipeline">The pipeline the deal was opened in.</param>
    /// <param name="deal">The deal.</param>
    /// <param name="repId">The new owner.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who; a person in the organisation.</param>
    /// <returns>The reassigned deal.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or <paramref name="repId"/> is not a person in the organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    /// <exception cref="InvalidTransitionException">The organisation or the pipeline refuses it; the exception lists every reason.</exception>
    public Deal AssignToRep(PipelineDefinition pipeline, Deal deal, string repId, Instant at, string by) =>
        TryAssignToRep(pipeline, deal, repId, at, by).GetDealOrThrow();

    /// <summary>Puts a lead in a pool if the organisation permits <paramref name="by"/> to (<see cref="CanAssignToPool(string, Lead, string?)"/>), or throws.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="teamId">The team whose pool, or null for the company pool.</param>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who; a person in the organisation.</param>
    /// <returns>The pooled lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> or <paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is not a person or <paramref name="teamId"/> is not a team in the organisation, or the lead already waits in that pool.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the lead's latest event or not a supported instant.</exception>
    /// <exception cref="InvalidOperationException">The organisation does not permit it (the message says why), or the lead is converted or disqualified.</exception>
    public Lead AssignToPool(Lead lead, string? teamId, Instant at, string by)
    {
        Preconditions.CheckInstant(at);
        Preconditions.CheckNotNull(lead);
        ThrowIfNotPermitted(PoolProblem(Person(by, nameof(by)), lead.Owner, lead.Team, $"lead {lead.Id}", teamId));
        return lead.AssignToPool(teamId, at, by);
    }

    /// <summary>Gives a lead to a rep if the organisation permits <paramref name="by"/> to (<see cref="CanAssignToRep(string, Lead, string)"/>), or throws.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="repId">The new owner.</param>
    /// <param name="at">When; not before the lead's latest event.</param>
    /// <param name="by">Who; a person in the organisation.</param>
    /// <returns>The reassigned lead.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or <paramref name="repId"/> is not a person in the organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the lead's latest event or not a supported instant.</exception>
    /// <exception cref="InvalidOperationException">The organisation does not permit it (the message says why).</exception>
    public Lead AssignToRep(Lead lead, string repId, Instant at, string by)
    {
        Preconditions.CheckInstant(at);
        Preconditions.CheckNotNull(lead);
        ThrowIfNotPermitted(RepProblem(Person(by, nameof(by)), lead.Owner, lead.Team, $"lead {lead.Id}", repId));
        return lead.Reassign(repId, at, by);
    }

    private static TransitionResult Decide(PipelineDefinition pipeline, Deal deal, DealCommand command, string? problem)
    {
        var result = pipeline.Apply(deal, command);
        if (problem is null)
        {
            return result;
        }
        Rejection[] rejections = [new Rejection(RejectionCode.NotPermittedByOrganization, problem), .. result.Rejections];
        return TransitionResult.Rejected(deal, rejections);
    }

    private static void ThrowIfNotPermitted(string? problem)
    {
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }
    }

    // Why the actor may not put the record (where owner/team say it is) in the pool; null when they may.
    private string? PoolProblem(SalesPerson actor, string? owner, string? team, string record, string? teamId)
    {
        if (teamId is not null && !teamsById.ContainsKey(teamId))
        {
            throw new ArgumentException(
                $"\"{teamId}\" is not a team in {Company}; a pool is a declared team's, or the company's (null).",
                nameof(teamId)
            );
        }
        var pool = teamId is null ? "the company pool" : $"team \"{teamId}\"'s pool";
        if (actor.IsAdmin)
        {
            return null;
        }
        var scope = ScopeOf(actor.Id);
        return !scope.Sees(owner, team) ? CannotSee(actor, record, owner, team)
            : teamId is null ? $"Only an admin may put {record} in the company pool; {actor.Id} is not one."
            : scope.PoolTeams.Contains(teamId) || (owner == actor.Id && actor.TeamId == teamId) ? null
            : scope.Kind == VisibilityKind.Own
                ? $"{actor.Id} may only hand their own records back to their own team's pool, not {record} to {pool}."
            : $"{actor.Id} may fill only the pools of the teams they lead and the teams below them, not {pool}.";
    }

    // Why the actor may not give the record to the rep; null when they may.
    private string? RepProblem(SalesPerson actor, string? owner, string? team, string record, string repId)
    {
        var rep = Person(repId, nameof(repId));
        if (actor.IsAdmin)
        {
            return null;
        }
        var scope = ScopeOf(actor.Id);
        return !scope.Sees(owner, team) ? CannotSee(actor, record, owner, team)
            : scope.Includes(rep.Id) ? null
            : $"{actor.Id} may give records only to themselves and the people in the teams they lead; {rep.Id} is not one of them.";
    }

    private SalesPerson Person(string id, string paramName)
    {
        Preconditions.CheckNotNull(id, paramName);
        return peopleById.TryGetValue(id, out var person)
            ? person
            : throw new ArgumentException(
                $"\"{id}\" is not a person in {Company}; assignments are made by and to declared people.",
                paramName
            );
    }

    private static string CannotSee(SalesPerson actor, string record, string? owner, string? team) =>
        $"{actor.Id} cannot see {record} ({(owner is not null ? $"owned by {owner}" : team is null ? "in the company pool" : $"in team \"{team}\"'s pool")}), so cannot assign it.";
}
