#:project ../../src/SalesPipeline.Samples/SalesPipeline.Samples.csproj
#:project ../../src/SalesPipeline.Csv/SalesPipeline.Csv.csproj
// Writes the CRM export the walkthrough notebook reads (docs/notebooks/data/) from the embedded sample of
// SalesPipeline.Samples: deals.csv and history.csv with DealCsv.Write (the canonical format of docs/csv.md), quotas.csv
// and payments.csv in their canonical formats, people.csv (the sales organization) and instalments.csv, the billing system's invoices (a file of this
// walkthrough only: docs/notebooks/README.md describes it). Run from the repository root:
//   dotnet run docs/notebooks/export-sample.cs -- docs/notebooks/data
// The sample is deterministic, so the files only change when the sample does.
using System.Globalization;
using System.Text;
using SalesPipeline.Collections;
using SalesPipeline.Csv;
using SalesPipeline.Organization;
using SalesPipeline.Samples;

var folder = args.Length == 1 ? args[0] : throw new ArgumentException("usage: export-sample.cs <folder>");
Directory.CreateDirectory(folder);
var sample = SampleData.Create();
var invariant = CultureInfo.InvariantCulture;

using (var deals = File.Create(Path.Combine(folder, "deals.csv")))
using (var history = File.Create(Path.Combine(folder, "history.csv")))
{
    DealCsv.Write(sample.Deals, deals, history);
}

// The sales organization as the CRM's user list has it: each person's team, each team's parent and lead.
var people = new StringBuilder("person_id,name,team_id,team_name,parent_team_id,leads_team\n");
foreach (var person in sample.Organization.People)
{
    var team = sample.Organization.Teams.FirstOrDefault(t => t.Id == person.TeamId) ?? new Team("", "", null, null);
    var leads = team.LeadId == person.Id ? "true" : "false";
    people.Append(
        invariant,
        $"{Field(person.Id)},{Field(person.Name)},{Field(team.Id)},{Field(team.Name)},{Field(team.ParentId ?? "")},{leads}\n"
    );
}
Write("people.csv", people);

// The company's quarterly quotas (teams' and reps' too), as the planning sheet holds them.
var quotas = new StringBuilder("level,subject_id,period,start,end,target,currency\n");
foreach (var q in sample.Quotas)
{
    quotas.Append(
        invariant,
        $"{q.Level.ToString().ToLowerInvariant()},{Field(q.SubjectId)},{Field(q.Period.Label)},{q.Period.Start:uuuu-MM-dd},{q.Period.End:uuuu-MM-dd},{q.Target.Amount},{q.Target.Currency.Code}\n"
    );
}
Write("quotas.csv", quotas);

// Invoices: one row per instalment of each won deal's contract, with its current due date (empty while it waits for a
// milestone, named in `milestone`).
var instalments = new StringBuilder("contract_id,customer,owner,deal_id,signed_on,instalment,due_on,milestone,amount,currency\n");
var payments = new StringBuilder("contract_id,reference,kind,on,amount,currency,instalment,payment_reference,reason\n");
foreach (var contract in sample.Contracts)
{
    var info = contract.Contract ?? throw new InvalidOperationException("A sample contract has no ContractInfo.");
    foreach (var i in contract.Instalments)
    {
        instalments.Append(
            invariant,
            $"{Field(info.ContractId)},{Field(info.Customer)},{Field(info.Owner)},{info.Deal},{contract.SignedOn:uuuu-MM-dd},{i.Number},{i.DueOn:uuuu-MM-dd},{Field(i.DueOn is null ? i.Milestone ?? "" : "")},{i.Amount.Amount},{i.Amount.Currency.Code}\n"
        );
    }
    foreach (var entry in contract.History)
    {
        var row = entry switch
        {
            Payment p => $"payment,{p.On:uuuu-MM-dd},{p.Amount.Amount},{p.Amount.Currency.Code},{p.Instalment},,",
            Refund r =>
                $"refund,{r.On:uuuu-MM-dd},{r.Amount.Amount},{r.Amount.Currency.Code},,{Field(r.PaymentReference)},{Field(r.Reason ?? "")}",
            Reversal v => $"reversal,{v.On:uuuu-MM-dd},,,,{Field(v.PaymentReference)},{Field(v.Reason ?? "")}",
            _ => null, // milestones and reschedules are the invoices' due dates above
        };
        var reference = entry switch
        {
            Payment p => p.Reference,
            Refund r => r.Reference,
            Reversal v => v.Reference,
            _ => null,
        };
        if (row is not null)
        {
            payments.Append(invariant, $"{Field(info.ContractId)},{Field(reference!)},{row}\n");
        }
    }
}
Write("instalments.csv", instalments);
Write("payments.csv", payments);
Console.WriteLine($"{sample.Deals.Count} deals, {sample.Quotas.Count} quotas, {sample.Contracts.Count} contracts written to {folder}");

void Write(string name, StringBuilder text) => File.WriteAllText(Path.Combine(folder, name), text.ToString(), new UTF8Encoding(false));

// RFC 4180: quoted when it holds a comma, a quote or a line break.
static string Field(string value) =>
    value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
