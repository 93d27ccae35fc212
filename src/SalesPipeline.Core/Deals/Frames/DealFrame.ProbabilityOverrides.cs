namespace SalesPipeline.Deals;

internal sealed partial class DealFrame
{
    // The value and source of every ProbabilityOverridden event, in event-table order (the frame's event table keeps
    // no payload for them): the n-th such event of a walk over the rows in order is entry n. Derived once per frame.
    internal ProbabilityOverrideEvents OverrideEvents =>
        Derived(typeof(ProbabilityOverrideEvents), static frame => ProbabilityOverrideEvents.Of(frame));
}

internal sealed class ProbabilityOverrideEvents
{
    private ProbabilityOverrideEvents(decimal[] probability, ValueSource[] source)
    {
        Probability = probability;
        Source = source;
    }

    internal decimal[] Probability { get; }

    internal ValueSource[] Source { get; }

    internal static ProbabilityOverrideEvents Of(DealFrame frame)
    {
        var count = 0;
        foreach (var kind in frame.EventKind)
        {
            count += kind == FrameEventKind.ProbabilityOverridden ? 1 : 0;
        }
        var probability = new decimal[count];
        var source = new ValueSource[count];
        var k = 0;
        for (var r = 0; r < frame.Count && k < count; r++)
        {
            var start = frame.EventStart[r];
            for (var e = start; e < frame.EventStart[r + 1]; e++)
            {
                if (frame.EventKind[e] == FrameEventKind.ProbabilityOverridden)
                {
                    var overridden = (ProbabilityOverridden)frame.DealAt(r).Events[e - start];
                    (probability[k], source[k]) = (overridden.Probability, overridden.Source);
                    k++;
                }
            }
        }
        return new ProbabilityOverrideEvents(probability, source);
    }
}
