using System.Globalization;
using System.Text.Json;

namespace SalesPipeline.Json.Documents;

// Every document starts with "type" and "version", as the events do, so a reader knows what it holds before it reads.
internal static class DocumentHeader
{
    public const string TypeField = "type";
    public const string VersionField = "version";

    public static void Write(Utf8JsonWriter writer, string type, int version)
    {
        writer.WriteString(TypeField, type);
        writer.WriteNumber(VersionField, version);
    }

    public static void Check(DocumentFields fields, string type, int version)
    {
        var actualType = fields.String(TypeField);
        if (actualType != type)
        {
            throw DocumentErrors.At(fields.PathOf(TypeField), $"expected the document type \"{type}\", found \"{actualType}\".");
        }
        var actualVersion = fields.Int32(VersionField);
        if (actualVersion != version)
        {
            throw DocumentErrors.At(
                fields.PathOf(VersionField),
                $"version {actualVersion.ToString(CultureInfo.InvariantCulture)} of \"{type}\" is not one this package reads; it reads version {version.ToString(CultureInfo.InvariantCulture)}."
            );
        }
    }
}
