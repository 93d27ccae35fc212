using SalesPipeline.Collections;

namespace SalesPipeline.Json.Tests;

// CollectionSchedule has no value equality: two schedules are the same when their contract, terms, instalments and
// history are, and so is their status on every date that matters.
internal static class ScheduleAssert
{
    public static void Equal(CollectionSchedule expected, CollectionSchedule actual)
    {
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.SignedOn, actual.SignedOn);
        Assert.Equal(expected.Contract, actual.Contract);
        Assert.Equal(expected.Terms.Lines, actual.Terms.Lines);
        Assert.Equal(expected.Instalments.Select(Describe), actual.Instalments.Select(Describe));
        Assert.Equal(expected.History, actual.History);
        var dates = expected
            .History.Select(e => e.On)
            .Concat(expected.Instalments.Select(i => i.DueOn).OfType<NodaTime.LocalDate>())
            .Append(expected.SignedOn)
            .Distinct();
        foreach (var date in dates)
        {
            Assert.Equal(expected.StatusAsOf(date).ToString(), actual.StatusAsOf(date).ToString());
        }
    }

    // Instalment is a record, but holds its previous due dates in a list compared by reference.
    private static string Describe(Instalment i) => i + " previous " + string.Join(",", i.PreviousDueDates);
}
