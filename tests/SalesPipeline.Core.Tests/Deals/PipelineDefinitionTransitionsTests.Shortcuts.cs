using System.Reflection;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// One consistent way: every DealCommand factory has a throwing pipeline shortcut of the same name and parameters.
public sealed class PipelineTransitionsShortcutTests
{
    private static Type Plain(Type t) => Nullable.GetUnderlyingType(t) ?? t;

    [Fact]
    public void EveryCommandFactory_HasAShortcutWithTheSameNameAndParameters()
    {
        var factories = typeof(DealCommand)
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => typeof(DealCommand).IsAssignableFrom(m.ReturnType))
            .ToList();
        var shortcuts = typeof(PipelineTransitions)
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Deal))
            .ToList();

        Assert.Equal(19, factories.Count); // Move, Answer, Withdraw, amount, close, 2 x probability, 2 x category, Reassign, Win, Lose, NoteCompetitor, Reopen, ChangeCustomer, Stop, Resume, AssignToPool, Comment
        Assert.All(
            factories,
            factory =>
            {
                var expected = factory
                    .GetParameters()
                    .Select(p => (p.Name, Plain(p.ParameterType)))
                    .Prepend(("deal", typeof(Deal)))
                    .Prepend(("pipeline", typeof(PipelineDefinition)));
                Assert.True(
                    shortcuts.Any(s =>
                        s.Name == factory.Name && s.GetParameters().Select(p => (p.Name, Plain(p.ParameterType))).SequenceEqual(expected)
                    ),
                    $"PipelineTransitions has no shortcut {factory.Name}(pipeline, deal, {string.Join(", ", factory.GetParameters().Select(p => p.Name))})."
                );
            }
        );
    }

    [Fact]
    public void Shortcuts_AddTheSameEventAsTheirCommand()
    {
        var pipeline = Default;
        var deal = NewDeal();
        (Func<Deal, Deal> Shortcut, DealCommand Command)[] cases =
        [
            (
                d => pipeline.OverrideProbabilityTo(d, 0.35m, H(1), "bob", ValueSource.Model),
                DealCommand.OverrideProbabilityTo(0.35m, H(1), "bob", ValueSource.Model)
            ),
            (
                d => pipeline.OverrideCategoryTo(d, ForecastCategory.Commit, H(1), "bob"),
                DealCommand.OverrideCategoryTo(ForecastCategory.Commit, H(1), "bob")
            ),
            (
                d => pipeline.ChangeAmountTo(d, Money.Of(1m, Currency.EUR), H(1), "bob"),
                DealCommand.ChangeAmountTo(Money.Of(1m, Currency.EUR), H(1), "bob")
            ),
            (
                d => pipeline.ChangeExpectedCloseTo(d, new LocalDate(2026, 9, 1), H(1), "bob"),
                DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, 9, 1), H(1), "bob")
            ),
            (d => pipeline.Reassign(d, "carol", H(1), "bob"), DealCommand.Reassign("carol", H(1), "bob")),
            (d => pipeline.NoteCompetitor(d, "Globex", H(1), "bob"), DealCommand.NoteCompetitor("Globex", H(1), "bob")),
        ];

        Assert.All(cases, c => Assert.Equal(pipeline.ApplyOrThrow(deal, c.Command), c.Shortcut(deal)));
        var answered = pipeline.Answer(deal, "budget", H(1), "bob");
        Assert.Equal(
            pipeline.ApplyOrThrow(answered, DealCommand.Withdraw("budget", H(2), "bob")),
            pipeline.Withdraw(answered, "budget", H(2), "bob")
        );
        var overridden = pipeline.OverrideCategoryTo(
            pipeline.OverrideProbabilityTo(deal, 0.4m, H(1), "bob"),
            ForecastCategory.Omitted,
            H(1),
            "bob"
        );
        Assert.Null(pipeline.ClearProbability(overridden, H(2), "bob").ProbabilityOverride);
        Assert.Null(pipeline.ClearCategory(overridden, H(2), "bob").CategoryOverride);
    }

    [Fact]
    public void Shortcuts_ThrowWithTheRejections()
    {
        var deal = NewDeal();

        var ex = Assert.Throws<InvalidTransitionException>(() => Default.ClearProbability(deal, H(1), "bob"));
        Assert.Equal(RejectionCode.NothingToChange, Assert.Single(ex.Rejections).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.OverrideProbabilityTo(deal, 1.5m, H(1), "bob"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.OverrideCategoryTo(deal, ForecastCategory.Closed, H(1), "bob"));
    }
}
