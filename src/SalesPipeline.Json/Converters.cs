using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;

namespace SalesPipeline.Json;

// Every converter the package registers, in one list: a new converter is added here and nowhere else. They come before
// NodaTime's, so that DateInterval is written as {"start","end"} whatever the naming policy.
internal static class Converters
{
    public static IEnumerable<JsonConverter> All() =>
        [
            new CodecConverter<Money>(ValueCodecs.Money),
            new CodecConverter<Currency>(ValueCodecs.Currency),
            new CodecConverter<DealId>(ValueCodecs.DealId),
            new CodecConverter<LeadId>(ValueCodecs.LeadId),
            new CodecConverter<LeadSource>(ValueCodecs.LeadSource),
            new CodecConverter<LossReason>(ValueCodecs.LossReason),
            new CodecConverter<DateInterval>(ValueCodecs.DateInterval),
            new CodecConverter<FiscalPeriod>(ValueCodecs.FiscalPeriod),
        ];
}
