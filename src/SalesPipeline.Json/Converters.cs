using System.Collections.Generic;
using System.Text.Json.Serialization;
using SalesPipeline.Json.Documents;

namespace SalesPipeline.Json;

// Every converter the package registers, in one list: a new converter is added here and nowhere else.
internal static class Converters
{
    public static IEnumerable<JsonConverter> All() => [new PipelineDefinitionConverter(), new SalesOrgConverter()];
}
