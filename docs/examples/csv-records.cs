#:project ../../src/SalesPipeline.Csv/SalesPipeline.Csv.csproj
// Leads, activities, payments and quotas from the canonical CSV files (docs/csv.md, "Leads, activities, payments and
// quotas"): the page's example files read as the page says, then a file of each kind with bad rows, each reported with
// its line, column, value and rule.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Activities;
using SalesPipeline.Collections;
using SalesPipeline.Csv;
using SalesPipeline.Leads;
using SalesPipeline.Targets;

const string leadsCsv = """
    lead_id,name,source,owner,created_at,product,status,first_touch_at,last_touch_at,closed_at,deal_id,disqualification_reason
    L-1,Globex (Jane Roe),web,alice,2025-03-03T09:00:00Z,core,new,,,,,
    L-2,Initech,referral,bob,2025-03-04T10:00:00Z,,working,2025-03-04T12:15:00Z,2025-03-10T16:00:00Z,,,
    L-3,"Umbrella, Ltd.",campaign,alice,2025-03-05 08:00,analytics,converted,2025-03-05T09:30:00+01:00,,2025-03-20T15:00:00Z,D-7,
    L-4,Hooli,event,carol,2025-03-06T14:00:00Z,,,2025-03-07T09:00:00Z,,2025-03-07T09:00:00Z,,no budget
    """;
const string activitiesCsv = """
    activity_id,kind,at,owner,deal_id,lead_id,outcome
    A-1,call,2025-03-04T12:15:00Z,bob,,L-2,connected
    A-2,Email,2025-03-05T09:30:00+01:00,alice,,L-3,
    A-3,demo,2025-03-12 14:00,alice,D-7,,completed
    A-4,meeting,2025-03-14T10:00:00Z,alice,D-7,,no-show
    A-5,other,2025-03-15T08:00:00Z,carol,D-9,,
    """;
const string paymentsCsv = """
    contract_id,reference,kind,on,amount,currency,instalment,payment_reference,reason
    C-1,WIRE-1,payment,2026-02-02,4000.00,USD,,,
    C-2,SEPA-9,,2026-03-01,1200,EUR,,,
    C-1,R-1,refund,2026-02-10,500.00,USD,,WIRE-1,overpaid
    C-1,WIRE-2,payment,2026-03-02,3500.00,,3,,
    C-1,CHQ-3,payment,2026-03-05,2500.00,USD,,,
    C-1,V-1,reversal,2026-03-09,,,,CHQ-3,cheque bounced
    """;
const string quotasCsv = """
    level,subject_id,period,start,end,target,currency
    company,Acme Corp,FY2026,2026-01-01,2026-12-31,4000000,USD
    team,emea,FY2026 Q1,2026-01-01,2026-03-31,1000000,USD
    person,alice,FY2026 Q1,2026-01-01,2026-03-31,400000.00,USD
    ,bob,FY2026 Q1,2026-01-01,2026-03-31,650000,USD
    person,carol,,2026-01-01,2026-01-31,50000,EUR
    """;

var folder = Directory.CreateTempSubdirectory("salespipeline-csv-records-example-");
File.WriteAllText(Path.Combine(folder.FullName, "leads.csv"), leadsCsv);
File.WriteAllText(Path.Combine(folder.FullName, "activities.csv"), activitiesCsv);
File.WriteAllText(Path.Combine(folder.FullName, "payments.csv"), paymentsCsv);
File.WriteAllText(Path.Combine(folder.FullName, "quotas.csv"), quotasCsv);
Directory.SetCurrentDirectory(folder.FullName);

// The schedules the payments go to: USD 10,000.00 signed 2026-01-31 (30% at signing, the balance in two monthly
// instalments) and EUR 1,200.00 signed 2026-02-01 (all after 30 days).
var c1 = CollectionSchedule.Create(
    Money.Of(10_000m, Currency.USD),
    new LocalDate(2026, 1, 31),
    PaymentTerms.Create(
        TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
        TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
    ),
    new ContractInfo("C-1", "Globex", "alice")
);
var c2 = CollectionSchedule.Create(
    Money.Of(1_200m, Currency.EUR),
    new LocalDate(2026, 2, 1),
    PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30))),
    new ContractInfo("C-2", "Initech", "bob")
);

var leads = LeadCsv.ReadFile("leads.csv");
Console.WriteLine(leads); // leads: read 4, accepted 4, rejected 0
var activities = ActivityCsv.ReadFile("activities.csv").GetItemsOrThrow();
var schedules = PaymentCsv.ReadFile("payments.csv", [c1, c2]).GetItemsOrThrow(); // c1, c2: CollectionSchedules of contracts C-1 and C-2
var quotas = QuotaCsv.ReadFile("quotas.csv").GetItemsOrThrow();

foreach (var lead in leads.Items)
{
    Console.WriteLine($"{lead}  first touch {lead.FirstTouchAt?.ToString() ?? "-"}  closed {lead.ClosedAt?.ToString() ?? "-"}");
}
var index = ActivityIndex.Create(activities);
Console.WriteLine($"{activities.Count} activities; D-7 has {index.ForDeal(new DealId("D-7")).Count}"); // 5 activities; D-7 has 2
var c1Status = schedules[0].StatusAsOf(new LocalDate(2026, 3, 31));
Console.WriteLine(string.Join(", ", c1Status.Instalments.Select(i => $"#{i.Number} paid {i.Paid}"))); // #1 paid USD 3,000.00, #2 paid USD 500.00, #3 paid USD 3,500.00
Console.WriteLine($"received {c1Status.Received}, refunded {c1Status.Refunded}"); // received USD 10,000.00, refunded USD 3,000.00
Console.WriteLine(QuotaAssignment.Of(quotas[1], quotas.Skip(2).Take(2)));

// Team emea, FY2026 Q1: USD 1,000,000.00; assigned USD 1,050,000.00 to 2 people (USD 50,000.00 over-assigned)

// Bad rows: each is reported, the good ones are still read.
Console.WriteLine();
var badLeads = LeadCsv.Read(
    Utf8(
        """
        lead_id,name,source,owner,created_at,status,closed_at,deal_id
        L-1,Globex,web,alice,2025-03-03T09:00:00Z,converted,2025-03-20T15:00:00Z,
        L-1,Globex again,web,alice,2025-03-03T09:00:00Z,,,
        L-5,Stark,web,alice,2025-03-05T09:00:00Z,,,
        """
    )
);
Console.WriteLine(badLeads);

// leads: read 3, accepted 1, rejected 2
// leads line 2, deal_id = "": A converted lead names the deal it became.
// leads line 3, lead_id = "L-1": Lead ids are unique; leads line 2 has the same id.
var badPayments = PaymentCsv.Read(
    Utf8(
        """
        contract_id,reference,kind,on,amount,currency,instalment,payment_reference,reason
        C-1,WIRE-1,payment,2026-02-02,4000.00,USD,,,
        C-1,R-1,refund,2026-02-10,5000.00,USD,,WIRE-1,
        C-9,WIRE-7,payment,2026-02-02,10.00,USD,,,
        """
    ),
    [c1, c2]
);
Console.WriteLine(badPayments);

// payments: read 3, accepted 1, rejected 2
// payments line 3: The schedule of contract C-1 rejects it: Refund R-1 of USD 5,000.00 exceeds what payment WIRE-1 still holds on 2026-02-10: USD 4,000.00.
// payments line 4, contract_id = "C-9": No schedule given is for this contract.

// The values the page states, worked out by hand from the files above.
static void Check(bool holds, string what)
{
    if (!holds)
    {
        throw new InvalidOperationException("docs/csv.md example (leads, activities, payments, quotas): " + what);
    }
}
static string[] Lines(object result) => [.. result.ToString()!.Split('\n').Select(l => l.TrimEnd('\r'))];
Check(leads.ToString() == "leads: read 4, accepted 4, rejected 0", $"{leads}");
var byId = leads.Items.ToDictionary(l => l.Id.Value);

// L-2 arrived at 10:00Z and was first touched at 12:15Z: 2 h 15 min. L-3's first touch 09:30+01:00 is 08:30Z, and it
// became D-7 on 20 March at 15:00Z. L-4 has no status and a reason: disqualified.
Check(byId["L-2"].FirstTouchAt!.Value - byId["L-2"].CreatedAt == Duration.FromMinutes(135), "L-2's response time is not 2 h 15 min.");
Check(
    byId["L-3"].FirstTouchAt == Instant.FromUtc(2025, 3, 5, 8, 30) && byId["L-3"].CreatedAt == Instant.FromUtc(2025, 3, 5, 8, 0),
    "L-3's times differ."
);
Check(
    byId["L-3"].Status == LeadStatus.Converted
        && byId["L-3"].DealId == new DealId("D-7")
        && byId["L-3"].ClosedAt == Instant.FromUtc(2025, 3, 20, 15, 0),
    "L-3 is not converted into D-7 on 20 March."
);
Check(
    byId["L-4"].Status == LeadStatus.Disqualified && byId["L-4"].DisqualificationReason == "no budget",
    "L-4 is not disqualified for no budget."
);
Check(activities.Count == 5 && index.ForDeal(new DealId("D-7")).Count == 2, "not 5 activities with 2 on D-7.");

// C-1: #1 30% = 3,000.00; #2 and #3 half of the 7,000.00 balance, 3,500.00 each. WIRE-1 (4,000.00) pays #1 and 1,000.00
// of #2; R-1 takes 500.00 of it back; WIRE-2 pays #3; CHQ-3 pays 2,500.00 on #2 and V-1 takes it back: #2 holds 500.00.
// Received 4,000 + 3,500 + 2,500 = 10,000; refunded 500 + 2,500 = 3,000, of which reversed 2,500.
var usd = (decimal amount) => Money.Of(amount, Currency.USD);
Check(
    c1Status.Instalments.Select(i => i.Paid).SequenceEqual([usd(3_000m), usd(500m), usd(3_500m)]),
    "C-1's instalments are not paid 3,000, 500 and 3,500."
);
Check(
    c1Status.Received == usd(10_000m) && c1Status.Refunded == usd(3_000m) && c1Status.Reversed == usd(2_500m),
    "C-1's received and refunded differ."
);
Check(
    schedules[1].StatusAsOf(new LocalDate(2026, 3, 31)).Instalments.Single().Paid == Money.Of(1_200m, Currency.EUR),
    "C-2's instalment is not paid."
);

// Alice's 400,000 and bob's 650,000 against emea's 1,000,000: 1,050,000 assigned, 50,000 over.
Check(
    QuotaAssignment.Of(quotas[1], quotas.Skip(2).Take(2)).ToString()
        == "Team emea, FY2026 Q1: USD 1,000,000.00; assigned USD 1,050,000.00 to 2 people (USD 50,000.00 over-assigned)",
    "emea's assignment differs."
);
Check(
    Lines(badLeads)
        .SequenceEqual([
            "leads: read 3, accepted 1, rejected 2",
            "leads line 2, deal_id = \"\": A converted lead names the deal it became.",
            "leads line 3, lead_id = \"L-1\": Lead ids are unique; leads line 2 has the same id.",
        ]),
    $"the bad leads read {badLeads}"
);
Check(
    Lines(badPayments)
        .SequenceEqual([
            "payments: read 3, accepted 1, rejected 2",
            "payments line 3: The schedule of contract C-1 rejects it: Refund R-1 of USD 5,000.00 exceeds what payment WIRE-1 still holds on 2026-02-10: USD 4,000.00.",
            "payments line 4, contract_id = \"C-9\": No schedule given is for this contract.",
        ]),
    $"the bad payments read {badPayments}"
);

static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
