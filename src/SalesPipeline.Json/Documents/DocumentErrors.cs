using System;
using System.Text.Json;

namespace SalesPipeline.Json.Documents;

// The one way a document reader reports bad JSON: the path of the field, then the rule it breaks.
internal static class DocumentErrors
{
    public static JsonException At(string path, string rule, Exception? inner = null) => new($"{path}: {rule}", path, null, null, inner);
}
