using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Parquet.Tests.Support;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Parquet.Tests;

public class DealParquetErrorTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    private static Deal Open(string id, Money amount, Instant at) =>
        Deal.Open(Pipeline, new DealId(id), "Acme", "alice", amount, new LocalDate(2025, 6, 30), at);

    private static readonly Instant At = Instant.FromUtc(2025, 3, 1, 9, 0);

    [Fact]
    public async Task An_instant_finer_than_a_microsecond_is_refused_and_the_file_left_unreadable()
    {
        var deals = new[]
        {
            Open("D1", Money.Of(1m, Currency.USD), At),
            Open("D2", Money.Of(1m, Currency.USD), At + Duration.FromNanoseconds(1)),
        };
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => DealParquet.WriteDealsAsync(deals, stream));

        Assert.Equal("deals", error.ParamName);
        Assert.StartsWith(
            "Deal 1 (D2), column created_at = 2025-03-01T09:00:00.000000001Z: Instants are written as TIMESTAMP(MICROS)",
            error.Message,
            StringComparison.Ordinal
        );
        // Without its footer the file is not a Parquet file: D1 alone never passes for the whole export.
        Assert.ThrowsAny<Exception>(() => IndependentReader.Read(stream.ToArray()));
    }

    [Fact]
    public async Task An_amount_with_more_than_18_decimals_is_refused()
    {
        var deals = new[] { Open("D1", Money.Of(0.0000000000000000001m, Currency.USD), At) };
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => DealParquet.WriteDealsAsync(deals, stream));

        Assert.StartsWith(
            "Deal 0 (D1), column amount = 0.0000000000000000001: The column is DECIMAL(38, 18)",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_amount_with_18_decimals_and_trailing_zeros_past_them_is_exact()
    {
        // Written with 22 decimals, of which the last 4 are zeros: nothing is lost at scale 18.
        var amount = 12345678.123456789012345678_0000m;
        var file = IndependentReader.Read(DealParquetTests.Deals([Open("D1", Money.Of(amount, Currency.USD), At)]));

        Assert.Equal(amount, file.Cell("amount", 0));
    }

    // The exception is thrown by the call itself, before a task exists.
    private static string? AtCall<T>(Func<Task> call)
        where T : ArgumentException =>
        Assert
            .Throws<T>(() =>
            {
                _ = call();
            })
            .ParamName;

    [Fact]
    public async Task Arguments_are_checked_at_the_call()
    {
        using var stream = new MemoryStream();
        using var readOnly = new MemoryStream([], writable: false);
        Deal[] deals = [Open("D1", Money.Of(1m, Currency.USD), At)];

        Assert.Equal("deals", AtCall<ArgumentNullException>(() => DealParquet.WriteDealsAsync(null!, stream)));
        Assert.Equal("destination", AtCall<ArgumentNullException>(() => DealParquet.WriteDealsAsync(deals, null!)));
        Assert.Equal("destination", AtCall<ArgumentException>(() => DealParquet.WriteDealsAsync(deals, readOnly)));
        Assert.Equal("events", AtCall<ArgumentNullException>(() => DealParquet.WriteEventsAsync(null!, stream)));
        Assert.Equal("table", AtCall<ArgumentNullException>(() => ReportParquet.WriteAsync(null!, stream)));
        var nullElement = await Assert.ThrowsAsync<ArgumentNullException>(() => DealParquet.WriteDealsAsync([deals[0], null!], stream));
        Assert.Equal("Deal 1 is null. (Parameter 'deals')", nullElement.Message);
        var nullEvent = await Assert.ThrowsAsync<ArgumentNullException>(() =>
            DealParquet.WriteEventsAsync([deals[0].Events[0], null!], stream)
        );
        Assert.Equal("Event 1 is null. (Parameter 'events')", nullEvent.Message);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_write()
    {
        using var stream = new MemoryStream();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DealParquet.WriteDealsAsync([Open("D1", Money.Of(1m, Currency.USD), At)], stream, cancelled.Token)
        );
    }

    [Fact]
    public async Task No_deals_make_a_valid_file_with_the_columns_and_no_rows()
    {
        using var stream = new MemoryStream();

        await DealParquet.WriteDealsAsync([], stream);

        var file = IndependentReader.Read(stream.ToArray());
        Assert.Equal(0, file.Rows);
        Assert.Equal(24, file.Columns.Count); // 18 columns, and 6 for customers, pools and stops (issue 13)
    }

    // A stream that only goes forward (a network or pipe stream): the writer needs no seeking.
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_gets_the_same_file()
    {
        Deal[] deals = [Open("D1", Money.Of(1m, Currency.USD), At), Open("D2", Money.Of(2.5m, Currency.EUR), At)];
        using var buffer = new MemoryStream();
        await using (var forward = new ForwardOnly(buffer))
        {
            await DealParquet.WriteDealsAsync(deals, forward);
        }

        var file = IndependentReader.Read(buffer.ToArray());

        Assert.Equal(["D1", "D2"], file["deal_id"].Values);
        Assert.Equal([1m, 2.5m], file["amount"].Values);
    }
}
