using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Leads;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    [StoreFact]
    public async Task A_lead_is_saved_in_steps_and_loads_equal()
    {
        var lead = Lead.Create(new LeadId("L-1"), "Initech", LeadSource.Web, "alice", TestDeals.Start);
        await Store.SaveLeadAsync(lead, 0, Guid.NewGuid());
        var touched = lead.Touch(TestDeals.Start + Duration.FromHours(2)).Reassign("bob", TestDeals.Start + Duration.FromHours(3));

        var result = await Store.SaveLeadAsync(touched, 1, Guid.NewGuid());

        Assert.Equal((1L, 3L), (result.ExpectedVersion, result.Version));
        var loaded = await Store.LoadLeadAsync(lead.Id);
        Assert.Equal(new StoredLead(touched, 3), loaded);
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.SaveLeadAsync(touched, 1, Guid.NewGuid()));
        Assert.Null(await Store.LoadLeadAsync(new LeadId("L-2")));
    }

    [StoreFact]
    public async Task A_collection_schedule_is_stored_as_its_terms_then_one_record_per_entry()
    {
        // 30% at signing, the balance in two monthly instalments: USD 3,000 / 3,500 / 3,500 (the example of CollectionSchedule).
        var terms = PaymentTerms.Create(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
        );
        var schedule = CollectionSchedule.Create(
            Money.Of(10_000m, Currency.USD),
            new LocalDate(2026, 1, 31),
            terms,
            new ContractInfo("C-2026-017", "Globex", "alice")
        );
        schedule = schedule.Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, Currency.USD)));

        var first = await Store.SaveCollectionScheduleAsync(schedule, 0, Guid.NewGuid());
        var later = schedule.Record(new Payment("WIRE-2", new LocalDate(2026, 3, 1), Money.Of(3_000m, Currency.USD)));
        var second = await Store.SaveCollectionScheduleAsync(later, first.Version, Guid.NewGuid());

        Assert.Equal((0L, 2L, 2L, 3L), (first.ExpectedVersion, first.Version, second.ExpectedVersion, second.Version));
        var loaded = (await Store.LoadCollectionScheduleAsync("C-2026-017"))!;
        Assert.Equal(3, loaded.Version);
        Assert.Equal(later.History, loaded.Schedule.History);
        Assert.Equal(later.Instalments, loaded.Schedule.Instalments);
        Assert.Equal(later.ToString(), loaded.Schedule.ToString());
        var records = await Store.ReadAllAsync().CollectAsync();
        Assert.IsType<CollectionSchedule>(records[0].Data);
        Assert.Empty(((CollectionSchedule)records[0].Data).History);
        Assert.Equal(later.History, records.Skip(1).Select(r => (CollectionEntry)r.Data));
        Assert.Equal(
            "schedule",
            (
                await Assert.ThrowsAsync<ArgumentException>(() =>
                    Store.SaveCollectionScheduleAsync(
                        CollectionSchedule.Create(Money.Of(1m, Currency.USD), new LocalDate(2026, 1, 1), terms),
                        0,
                        Guid.NewGuid()
                    )
                )
            ).ParamName
        );
    }
}
