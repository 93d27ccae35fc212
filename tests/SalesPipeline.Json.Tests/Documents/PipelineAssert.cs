using System.Globalization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Tests.Documents;

// PipelineDefinition has no equality of its own, so "the same definition" is checked field by field: every stage
// (id, name, kind, order, probability with its scale, category, criteria, rotting threshold), the policies and the
// quote stages.
internal static class PipelineAssert
{
    public static void Same(PipelineDefinition expected, PipelineDefinition actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Policies, actual.Policies);
        Assert.Equal(expected.QuoteStages, actual.QuoteStages);
        Assert.Equal(expected.Stages.Count, actual.Stages.Count);
        foreach (var (e, a) in expected.Stages.Zip(actual.Stages))
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Index, a.Index);
            Assert.Equal(e.Probability.ToString(CultureInfo.InvariantCulture), a.Probability.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(e.Category, a.Category);
            Assert.Equal(e.ExitCriteria, a.ExitCriteria);
            Assert.Equal(e.RottingAfter, a.RottingAfter);
        }
    }
}
