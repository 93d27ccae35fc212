using Microsoft.Extensions.DependencyInjection;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;

namespace SalesPipeline.DependencyInjection.Tests;

/// <summary>The registered event store: opened once on first use, shared, disposed with the container.</summary>
public sealed class EventStoreTests
{
    [Fact]
    public async Task Singletons_are_one_instance_across_scopes_and_the_store_is_opened_on_first_use_only()
    {
        var opened = 0;
        var store = new RecordingStore();
        await using var provider = Fixtures.Build(o =>
            o.UseEventStore(
                (_, _, _) =>
                {
                    Interlocked.Increment(ref opened);
                    return Task.FromResult(store);
                }
            )
        );

        var deferred = provider.GetRequiredService<DeferredEventStore>();
        Assert.Same(deferred, provider.GetRequiredService<IEventStore>());
        Assert.False(deferred.IsOpen);
        Assert.Equal("DeferredEventStore (not open)", deferred.ToString());
        using (var scope = provider.CreateScope())
        {
            Assert.Same(deferred, scope.ServiceProvider.GetRequiredService<IEventStore>());
            Assert.Same(provider.GetRequiredService<PipelineCatalog>(), scope.ServiceProvider.GetRequiredService<PipelineCatalog>());
            Assert.Same(provider.GetRequiredService<PipelineDefinition>(), scope.ServiceProvider.GetRequiredService<PipelineDefinition>());
            // Built by factories (from the container's organisation and rates): still once.
            Assert.Same(provider.GetRequiredService<WinRateOptions>(), scope.ServiceProvider.GetRequiredService<WinRateOptions>());
            Assert.Same(provider.GetRequiredService<ForecastOptions>(), scope.ServiceProvider.GetRequiredService<ForecastOptions>());
            Assert.Same(provider.GetRequiredService<HealthPolicy>(), scope.ServiceProvider.GetRequiredService<HealthPolicy>());
        }
        Assert.Equal(0, opened);

        await deferred.LoadDealAsync(new DealId("d-1"));
        await deferred.LoadDealAsync(new DealId("d-2"));

        Assert.Equal(1, opened);
        Assert.True(deferred.IsOpen);
        Assert.Same(store, await deferred.OpenAsync());
        Assert.Equal([new DealId("d-1"), new DealId("d-2")], store.Loaded);
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_open()
    {
        // The callers are released together by a barrier, and the factory holds the open until every caller has made
        // its call, so all of them ask while no open is finished: without the lock around the check-and-start, two
        // callers now and then both see no open and start one each. Many rounds, as the race window is short.
        const int callers = 8;
        for (var round = 0; round < 200; round++)
        {
            var opened = 0;
            using var called = new CountdownEvent(callers);
            var store = new RecordingStore();
            await using var provider = Fixtures.Build(o =>
                o.UseEventStore(
                    (_, _, _) =>
                    {
                        Interlocked.Increment(ref opened);
                        // Generous bound, only so a broken open cannot hang the run.
                        Assert.True(called.Wait(TimeSpan.FromSeconds(30), CancellationToken.None));
                        return Task.FromResult(store);
                    }
                )
            );
            var deferred = provider.GetRequiredService<DeferredEventStore>();
            using var start = new Barrier(callers);

            var calls = Enumerable
                .Range(0, callers)
                .Select(i =>
                    Task.Factory.StartNew(
                            () =>
                            {
                                start.SignalAndWait();
                                var call = deferred.LoadDealAsync(new DealId($"d-{i}"));
                                called.Signal();
                                return call;
                            },
                            CancellationToken.None,
                            TaskCreationOptions.LongRunning,
                            TaskScheduler.Default
                        )
                        .Unwrap()
                )
                .ToArray();
            await Task.WhenAll(calls);

            Assert.Equal(1, opened);
            Assert.Equal(callers, store.Loaded.Count);
        }
    }

    [Fact]
    public async Task The_factory_gets_the_registered_pipelines_and_the_root_provider()
    {
        IReadOnlyList<PipelineDefinition>? given = null;
        IServiceProvider? givenProvider = null;
        await using var provider = Fixtures.Build(o =>
            o.AddPipeline(Fixtures.Enterprise)
                .AddPipeline(Fixtures.Smb)
                .UseEventStore(
                    (services, pipelines, _) =>
                    {
                        given = pipelines;
                        givenProvider = services;
                        return Task.FromResult(new RecordingStore());
                    }
                )
                .DefaultPipeline = "SMB"
        );

        await provider.GetRequiredService<DeferredEventStore>().OpenAsync();

        Assert.Equal([Fixtures.Enterprise, Fixtures.Smb], given);
        Assert.Same(provider.GetRequiredService<PipelineCatalog>(), givenProvider!.GetRequiredService<PipelineCatalog>());
    }

    [Fact]
    public async Task An_open_that_failed_is_tried_again_on_the_next_call()
    {
        var attempts = 0;
        var store = new RecordingStore();
        await using var provider = Fixtures.Build(o =>
            o.UseEventStore(
                (_, _, _) =>
                    ++attempts == 1
                        ? Task.FromException<RecordingStore>(new IOException("database not reachable yet"))
                        : Task.FromResult(store)
            )
        );
        var deferred = provider.GetRequiredService<IEventStore>();

        var first = await Assert.ThrowsAsync<IOException>(() => deferred.LoadDealAsync(new DealId("d-1")));
        Assert.Equal("database not reachable yet", first.Message);
        Assert.Null(await deferred.LoadDealAsync(new DealId("d-1")));

        Assert.Equal(2, attempts);
        Assert.Equal([new DealId("d-1")], store.Loaded);
    }

    [Fact]
    public async Task A_factory_that_returns_null_is_named_at_first_use()
    {
        await using var provider = Fixtures.Build(o => o.UseEventStore((_, _, _) => Task.FromResult<RecordingStore>(null!)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            provider.GetRequiredService<IEventStore>().LoadDealAsync(new DealId("d-1"))
        );
        Assert.Equal(
            "The event store factory given to SalesPipelineOptions.UseEventStore returned null; it must return the opened store.",
            error.Message
        );
    }

    [Fact]
    public void Without_a_store_resolving_one_says_how_to_configure_it()
    {
        using var provider = Fixtures.Build(configure: null);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IEventStore>());
        Assert.Equal(
            "No event store is configured: call options.UseEventStore(...) in AddSalesPipeline (for example with "
                + "SqliteEventStore.OpenAsync from SalesPipeline.Storage.Sqlite), or register an IEventStore yourself.",
            error.Message
        );
    }

    [Fact]
    public async Task Disposing_the_container_disposes_the_opened_store_once()
    {
        var store = new RecordingStore();
        var provider = Fixtures.Build(o => o.UseEventStore((_, _, _) => Task.FromResult(store)));
        var deferred = provider.GetRequiredService<DeferredEventStore>();
        // Resolved under both of its service types: the container holds it twice, the store is still disposed once.
        await provider.GetRequiredService<IEventStore>().LoadDealAsync(new DealId("d-1"));

        await provider.DisposeAsync();

        Assert.Equal(1, store.Disposals);
        Assert.False(deferred.IsOpen);
        Assert.Equal("DeferredEventStore (disposed)", deferred.ToString());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => deferred.LoadDealAsync(new DealId("d-2")));
    }

    [Fact]
    public async Task A_container_disposed_synchronously_disposes_the_store_too()
    {
        var store = new RecordingStore();
        var provider = Fixtures.Build(o => o.UseEventStore((_, _, _) => Task.FromResult(store)));
        await provider.GetRequiredService<DeferredEventStore>().OpenAsync();

        provider.Dispose();

        Assert.Equal(1, store.Disposals);
    }

    [Fact]
    public async Task A_store_never_used_is_never_opened_and_disposal_opens_nothing()
    {
        var opened = 0;
        var provider = Fixtures.Build(o =>
            o.UseEventStore(
                (_, _, _) =>
                {
                    opened++;
                    return Task.FromResult(new RecordingStore());
                }
            )
        );
        _ = provider.GetRequiredService<IEventStore>();

        await provider.DisposeAsync();

        Assert.Equal(0, opened);
    }

    [Fact]
    public async Task Disposing_during_an_open_cancels_it_and_disposes_what_it_returns()
    {
        var started = new TaskCompletionSource();
        var store = new RecordingStore();
        var cancelled = false;
        var provider = Fixtures.Build(o =>
            o.UseEventStore(
                async (_, _, cancellationToken) =>
                {
                    started.SetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        cancelled = true;
                    }
                    return store;
                }
            )
        );
        var deferred = provider.GetRequiredService<DeferredEventStore>();
        var waiting = deferred.OpenAsync().AsTask();
        await started.Task;

        await provider.DisposeAsync();

        Assert.True(cancelled);
        Assert.Equal(1, store.Disposals);
        // The caller that waited gets no disposed store: after disposal every call throws.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }

    [Fact]
    public async Task A_caller_waiting_for_an_open_that_disposal_cancels_is_told_the_store_is_disposed()
    {
        var started = new TaskCompletionSource();
        var provider = Fixtures.Build(o =>
            o.UseEventStore(
                async (_, _, cancellationToken) =>
                {
                    started.SetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return new RecordingStore();
                }
            )
        );
        var deferred = provider.GetRequiredService<DeferredEventStore>();
        var waiting = deferred.OpenAsync().AsTask();
        await started.Task;

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }

    [Fact]
    public async Task A_synchronous_dispose_on_a_single_threaded_context_during_an_open_completes()
    {
        // A UI thread: it starts an open (a button's handler) and the window closes, disposing the container
        // synchronously on the same thread while the open is under way. Nothing of the open may need that thread.
        var store = new RecordingStore();
        using var started = new ManualResetEventSlim();
        var provider = Fixtures.Build(o =>
            o.UseEventStore(
                async (_, _, cancellationToken) =>
                {
                    started.Set();
                    // A slow database: the open is under way until the disposal cancels it.
                    await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    return store;
                }
            )
        );
        var deferred = provider.GetRequiredService<DeferredEventStore>();
        using var context = new SingleThreadedContext();
        Task? open = null;

        var handler = context.Run(() =>
        {
            open = deferred.OpenAsync().AsTask();
            // The open must start without this thread (a factory posted to it would never run while it blocks here).
            Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
            provider.Dispose();
        });

        // Generous bound, only so the deadlock fails the test instead of hanging the run.
        await handler.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, store.Disposals);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => open!);
    }

    [Fact]
    public async Task Disposal_releases_what_it_holds_even_when_the_stores_own_disposal_throws()
    {
        var token = CancellationToken.None;
        var store = new RecordingStore { DisposeError = new IOException("disk gone") };
        var provider = Fixtures.Build(o =>
            o.UseEventStore(
                (_, _, cancellationToken) =>
                {
                    token = cancellationToken;
                    return Task.FromResult(store);
                }
            )
        );
        await provider.GetRequiredService<DeferredEventStore>().OpenAsync();

        var error = await Assert.ThrowsAsync<IOException>(async () => await provider.DisposeAsync());

        Assert.Equal("disk gone", error.Message);
        Assert.True(token.IsCancellationRequested);
        // The lifetime's CancellationTokenSource was disposed all the same: its wait handle is gone.
        Assert.Throws<ObjectDisposedException>(() => token.WaitHandle);
    }

    [Fact]
    public async Task A_caller_cancelling_its_wait_leaves_the_open_to_the_others()
    {
        var release = new TaskCompletionSource();
        var store = new RecordingStore();
        await using var provider = Fixtures.Build(o =>
            o.UseEventStore(
                async (_, _, _) =>
                {
                    await release.Task;
                    return store;
                }
            )
        );
        var deferred = provider.GetRequiredService<DeferredEventStore>();
        using var impatient = new CancellationTokenSource();
        var first = deferred.OpenAsync(impatient.Token).AsTask();
        var second = deferred.OpenAsync().AsTask();

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();

        Assert.Same(store, await second);
    }
}
