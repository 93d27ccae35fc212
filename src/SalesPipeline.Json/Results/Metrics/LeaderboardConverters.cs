using System.Text.Json;
using SalesPipeline.Metrics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Metrics;

internal sealed class LeaderboardEntryConverter : ResultConverter<LeaderboardEntry>
{
    public static readonly LeaderboardEntryConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, LeaderboardEntry value, JsonSerializerOptions options)
    {
        Number(writer, "rank", value.Rank);
        writer.WriteString("key", value.Key);
        writer.WriteNumber("wonCount", value.WonCount);
        Money(writer, "wonAmount", value.WonAmount);
        Object(writer, "winRate", value.WinRate, WinRateResultConverter.Instance, options);
        writer.WriteNumber("activities", value.Activities);
    }
}

internal sealed class LeaderboardConverter : ResultConverter<Leaderboard>
{
    public static readonly LeaderboardConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, Leaderboard value, JsonSerializerOptions options)
    {
        Name(writer, "measure", value.Measure);
        Name(writer, "level", value.Level);
        writer.WriteNumber("minimumSample", value.MinimumSample);
        Array(writer, "ranked", value.Ranked, LeaderboardEntryConverter.Instance, options);
        Array(writer, "unranked", value.Unranked, LeaderboardEntryConverter.Instance, options);
    }
}
