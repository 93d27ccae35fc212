using System.Text.Json;
using SalesPipeline.Forecasting;
using SalesPipeline.Statistics;
using static SalesPipeline.Json.Results.ResultFields;

namespace SalesPipeline.Json.Results.Forecasting;

internal sealed class CalibratedStageConverter : ResultConverter<CalibratedStage>
{
    public static readonly CalibratedStageConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, CalibratedStage value, JsonSerializerOptions options)
    {
        writer.WriteString("stageId", value.StageId);
        writer.WriteString("name", value.Name);
        writer.WriteNumber("index", value.Index);
        Decimal(writer, "currentProbability", value.CurrentProbability);
        writer.WriteNumber("reached", value.Reached);
        writer.WriteNumber("won", value.Won);
        writer.WriteNumber("lost", value.Lost);
        Number(writer, "observedRate", value.ObservedRate);
        Interval(writer, "interval", value.Interval);
        Number(writer, "smoothedRate", value.SmoothedRate);
        Decimal(writer, "suggestedProbability", value.SuggestedProbability);
    }
}

internal sealed class ChainStageConverter : ResultConverter<ChainStage>
{
    public static readonly ChainStageConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ChainStage value, JsonSerializerOptions options)
    {
        writer.WriteString("stageId", value.StageId);
        writer.WriteString("name", value.Name);
        writer.WriteNumber("index", value.Index);
        writer.WriteNumber("observedExits", value.ObservedExits);
        Number(writer, "meanDaysInStage", value.MeanDaysInStage);
        Number(writer, "winProbability", value.WinProbability);
        Number(writer, "lossProbability", value.LossProbability);
        Number(writer, "expectedDaysToClose", value.ExpectedDaysToClose);
        writer.WriteBoolean("isObserved", value.IsObserved);
        writer.WriteBoolean("isResolved", value.IsResolved);
    }
}

// The chain's per-stage figures; the stage-to-stage transition matrix stays in the object (PipelineChain.TransitionProbability).
internal sealed class PipelineChainConverter : ResultConverter<PipelineChain>
{
    public static readonly PipelineChainConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, PipelineChain value, JsonSerializerOptions options) =>
        Array(writer, "stages", value.Stages, ChainStageConverter.Instance, options);
}

internal sealed class ReliabilityTableConverter : ResultConverter<ReliabilityTable>
{
    public static readonly ReliabilityTableConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ReliabilityTable value, JsonSerializerOptions options)
    {
        writer.WriteNumber("count", value.Count);
        Number(writer, "brier", value.Brier);
        Number(writer, "baseRate", value.BaseRate);
        Number(writer, "skillScore", value.SkillScore);
        writer.WritePropertyName("decomposition");
        if (value.Decomposition is { } d)
        {
            writer.WriteStartObject();
            Number(writer, "reliability", d.Reliability);
            Number(writer, "resolution", d.Resolution);
            Number(writer, "uncertainty", d.Uncertainty);
            Number(writer, "withinBinVariance", d.WithinBinVariance);
            Number(writer, "withinBinCovariance", d.WithinBinCovariance);
            Number(writer, "total", d.Total);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WriteStartArray("bins");
        foreach (var bin in value.Bins)
        {
            writer.WriteStartObject();
            Decimal(writer, "lower", bin.Lower);
            Decimal(writer, "upper", bin.Upper);
            writer.WriteNumber("count", bin.Count);
            Number(writer, "meanForecast", bin.MeanForecast);
            Number(writer, "observedFrequency", bin.ObservedFrequency);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}

internal sealed class ForecastReliabilityConverter : ResultConverter<ForecastReliability>
{
    public static readonly ForecastReliabilityConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, ForecastReliability value, JsonSerializerOptions options)
    {
        Object(writer, "all", value.All, ReliabilityTableConverter.Instance, options);
        Object(writer, "stageDefaults", value.StageDefaults, ReliabilityTableConverter.Instance, options);
        Object(writer, "overrides", value.Overrides, ReliabilityTableConverter.Instance, options);
    }
}

internal sealed class StageCalibrationConverter : ResultConverter<StageCalibration>
{
    public static readonly StageCalibrationConverter Instance = new();

    internal override void WriteFields(Utf8JsonWriter writer, StageCalibration value, JsonSerializerOptions options)
    {
        writer.WriteString("pipelineName", value.PipelineName);
        writer.WriteStartObject("options");
        writer.WriteNumber("confidence", value.Options.Confidence);
        Name(writer, "intervalMethod", value.Options.IntervalMethod);
        Name(writer, "priorMethod", value.Options.PriorMethod);
        writer.WriteNumber("priorStrength", value.Options.PriorStrength);
        writer.WriteNumber("decimals", value.Options.Decimals);
        writer.WriteEndObject();
        writer.WriteNumber("closedDeals", value.ClosedDeals);
        writer.WriteNumber("wonDeals", value.WonDeals);
        writer.WriteNumber("lostDeals", value.LostDeals);
        writer.WriteNumber("openDealsIgnored", value.OpenDealsIgnored);
        Number(writer, "overallWinRate", value.OverallWinRate);
        WritePrior(writer, value.Prior);
        Array(writer, "stages", value.Stages, CalibratedStageConverter.Instance, options);
        Object(writer, "chain", value.Chain, PipelineChainConverter.Instance, options);
        Object(writer, "reliability", value.Reliability, ForecastReliabilityConverter.Instance, options);
    }

    private static void WritePrior(Utf8JsonWriter writer, BetaPrior? prior)
    {
        writer.WritePropertyName("prior");
        if (prior is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        Number(writer, "alpha", prior.Alpha);
        Number(writer, "beta", prior.Beta);
        Name(writer, "method", prior.Method);
        Name(writer, "fallback", prior.Fallback);
        writer.WriteBoolean("isFitted", prior.IsFitted);
        writer.WriteNumber("groups", prior.Groups);
        writer.WriteNumber("successes", prior.Successes);
        writer.WriteNumber("trials", prior.Trials);
        Number(writer, "mean", prior.Mean);
        Number(writer, "strength", prior.Strength);
        writer.WriteEndObject();
    }
}
