using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Targets;

/// <summary>
/// Target attainment ("sales plan completion"): per quota, the target against what was won, the gap, and whether the
/// open pipeline covers what remains. Every method is a pure function of its arguments and is thread-safe.
/// </summary>
public static class Attainment
{
    /// <summary>Measures every quota against the deals.</summary>
    /// <param name="deals">The deals (open, won and lost; lost deals count nowhere).</param>
    /// <param name="pipeline">The pipeline they belong to (its stage probabilities weight the pipeline).</param>
    /// <param name="quotas">
    /// The quotas, for example a <see cref="QuotaPlan.All"/>: all in one currency (the report's), no subject twice for the
    /// same period; periods of different quotas may overlap (a year and its months).
    /// </param>
    /// <param name="options">How deals are read, and the historical win rate; defaults when null.</param>
    /// <returns>One line per quota, in the order given.</returns>
    /// <exception cref="ArgumentNullException">A required argument, a deal or a quota is null.</exception>
    /// <exception cref="ArgumentException">
    /// The quotas are empty, in several currencies, or repeat a subject and period; a team quota without an organization
    /// or for a team the organization lacks; the rates report in another currency than the quotas'; a deal belongs to
    /// another pipeline.
    /// </exception>
    /// <exception cref="MissingExchangeRateException">A counted deal's currency has no rate to the quotas' currency (or, without rates, differs from it).</exception>
    /// <remarks>
    /// <para>A deal is placed by the forecast's one rule (<see cref="Forecast.StageWeighted(IEnumerable{Deal}, PipelineDefinition, IEnumerable{FiscalPeriod}, ForecastOptions?)"/>):
    /// a won deal counts as won in the period containing the day it was won (its closing instant in
    /// <see cref="ForecastOptions.Zone"/>); an open deal counts as pipeline in the period containing its expected close
    /// date, unless that date is before the as-of date (overdue deals are pipeline of no period); a lost or stopped deal
    /// counts nowhere. A person's quota counts the deals they own; a team's, the deals of everyone in the team and the teams
    /// below it (<see cref="SalesOrg.MembersOf"/>); the company's, every deal.</para>
    /// <para>Example: alice's Q1 target USD 300,000.00; she won 120,000.00 in Q1 and has 450,000.00 open and expected
    /// in Q1, weighted 200,000.00. Completion 0.4, gap 180,000.00, coverage 2.5; with a win rate of 0.25, required
    /// coverage 4.</para>
    /// </remarks>
    public static AttainmentReport Of(
        IEnumerable<Deal> deals,
        PipelineDefinition pipeline,
        IEnumerable<Quota> quotas,
        AttainmentOptions? options = null
    )
    {
        Preconditions.CheckNotNull(deals);
        if (DealFrames.For(deals) is { } frame)
        {
            var framed = new AttainmentAccumulator(pipeline, quotas, options);
            if (!framed.TryAdd(frame))
            {
                FrameAddRange.AddEach(framed, frame.DealList);
            }
            return framed.Result();
        }
        var list = deals.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(deals), $"Deal {i} is null.");
            }
        }
        var accumulator = new AttainmentAccumulator(pipeline, quotas, options);
        FrameAddRange.AddEach(accumulator, list);
        return accumulator.Result();
    }

    /// <summary>
    /// Measures every quota against a prepared <see cref="ForecastSnapshot"/>: the same lines as
    /// <see cref="Of(IEnumerable{Deal}, PipelineDefinition, IEnumerable{Quota}, AttainmentOptions?)"/> with the snapshot's
    /// options, computed by the snapshot forecast's integer pass (fast for large pipelines).
    /// </summary>
    /// <param name="snapshot">The prepared deals; its currency must be the quotas' and its organization is used for team quotas.</param>
    /// <param name="quotas">The quotas.</param>
    /// <param name="asOf">The date the report is made on; the earliest quota period's start when null.</param>
    /// <param name="winRate">The historical win rate (above 0, at most 1), or null.</param>
    /// <returns>One line per quota, in the order given.</returns>
    /// <exception cref="ArgumentNullException">A required argument or a quota is null.</exception>
    /// <exception cref="ArgumentException">
    /// The quotas are empty, in several currencies or another currency than the snapshot's, or repeat a subject and
    /// period; a team quota without an organization or for a team the organization lacks.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="winRate"/> is not above 0 and at most 1; or <paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    public static AttainmentReport Of(ForecastSnapshot snapshot, IEnumerable<Quota> quotas, LocalDate? asOf = null, decimal? winRate = null)
    {
        Preconditions.CheckNotNull(snapshot);
        Preconditions.CheckDate(asOf);
        AttainmentOptions.CheckWinRate(winRate, nameof(winRate));
        var layout = Layout.Of(quotas, snapshot.Options.Organization, asOf, nameof(quotas));
        Preconditions.CheckArgument(
            layout.Currency == snapshot.Currency,
            nameof(quotas),
            $"The quotas are in {layout.Currency.Code}, but the snapshot is in {snapshot.Currency.Code}."
        );
        return layout.Report(layout.Layers.Select(periods => Forecast.StageWeighted(snapshot, periods, layout.AsOf)).ToArray(), winRate);
    }

    // The checked quotas and the layers of non-overlapping periods their figures are computed in.
    internal sealed class Layout
    {
        private Layout(Quota[] quotas, Currency currency, LocalDate asOf, FiscalPeriod[][] layers)
        {
            Quotas = quotas;
            Currency = currency;
            AsOf = asOf;
            Layers = layers;
        }

        internal Quota[] Quotas { get; }

        internal Currency Currency { get; }

        internal LocalDate AsOf { get; }

        internal FiscalPeriod[][] Layers { get; }

        internal static Layout Of(IEnumerable<Quota> quotas, SalesOrg? org, LocalDate? asOf, string paramName)
        {
            Preconditions.CheckNotNull(quotas, paramName);
            var list = quotas.ToArray();
            Preconditions.CheckArgument(list.Length > 0, paramName, "At least one quota is needed; the list was empty.");
            var seen = new HashSet<(QuotaLevel, string, FiscalPeriod)>();
            for (var i = 0; i < list.Length; i++)
            {
                var q = list[i] ?? throw new ArgumentNullException(paramName, $"Quota {i} is null.");
                string? problem =
                    q.Target.Currency != list[0].Target.Currency
                        ? $"is in {q.Target.Currency.Code}, but quota 0 is in {list[0].Target.Currency.Code}"
                    : !seen.Add((q.Level, q.SubjectId, q.Period)) ? "repeats the subject and period of an earlier quota"
                    : q.Level == QuotaLevel.Team && org is null
                        ? "is a team's, and team quotas need an organization (ForecastOptions.Organization)"
                    : q.Level == QuotaLevel.Team && !org!.Teams.Any(t => t.Id == q.SubjectId)
                        ? $"is for a team that {org.Company} does not have"
                    : null;
                if (problem is not null)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Quota {i} ({q}) {problem}."), paramName);
                }
            }
            return new Layout(list, list[0].Target.Currency, asOf ?? list.Min(q => q.Period.Start), LayersOf(list));
        }

        // Distinct periods sorted by start, each put in the first layer whose last period ends before it starts: the
        // fewest layers of non-overlapping periods (a year, its quarters and its months make three).
        private static FiscalPeriod[][] LayersOf(Quota[] quotas)
        {
            var layers = new List<List<FiscalPeriod>>();
            foreach (var period in quotas.Select(q => q.Period).Distinct().OrderBy(p => p.Start).ThenBy(p => p.End))
            {
                var layer = layers.FirstOrDefault(l => l[^1].End < period.Start);
                if (layer is null)
                {
                    layers.Add(layer = []);
                }
                layer.Add(period);
            }
            return layers.Select(l => l.ToArray()).ToArray();
        }

        internal AttainmentReport Report(StageWeightedForecast[] forecasts, decimal? winRate)
        {
            var byPeriod = new Dictionary<FiscalPeriod, WeightedLine>();
            var byOwner = new Dictionary<(FiscalPeriod, string), WeightedLine>();
            var byTeam = new Dictionary<(FiscalPeriod, string), WeightedLine>();
            var needOwners = Quotas.Any(q => q.Level == QuotaLevel.Person);
            foreach (var forecast in forecasts)
            {
                foreach (var line in forecast.Periods)
                {
                    byPeriod[line.Period!] = line;
                }
                foreach (var line in needOwners ? forecast.ByOwner : [])
                {
                    byOwner[(line.Period!, line.Owner!)] = line;
                }
                foreach (var line in forecast.ByTeam)
                {
                    byTeam[(line.Period!, line.TeamId!)] = line;
                }
            }
            var zero = Money.Zero(Currency);
            var lines = new AttainmentLine[Quotas.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var q = Quotas[i];
                var found = q.Level switch
                {
                    QuotaLevel.Company => byPeriod[q.Period],
                    QuotaLevel.Team => byTeam.GetValueOrDefault((q.Period, q.SubjectId)),
                    _ => byOwner.GetValueOrDefault((q.Period, q.SubjectId)),
                };
                lines[i] = found is null
                    ? new AttainmentLine(q, 0, zero, 0, zero, zero, winRate)
                    : new AttainmentLine(q, found.WonDeals, found.Won, found.OpenDeals, found.OpenAmount, found.Weighted, winRate);
            }
            return new AttainmentReport(Currency, AsOf, winRate, Array.AsReadOnly(lines));
        }
    }
}
