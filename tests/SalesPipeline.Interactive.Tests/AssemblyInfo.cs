// The formatting library keeps one process-wide table of formatters: tests that register or reset it run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
