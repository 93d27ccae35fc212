using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;

namespace SalesPipeline.DependencyInjection;

/// <summary>
/// The <see cref="IEventStore"/> that <c>AddSalesPipeline</c> registers when <see cref="SalesPipelineOptions.UseEventStore"/>
/// is set: it opens the configured store on first use (stores open asynchronously, a container resolves synchronously),
/// passes every call to it, and disposes it when the container is disposed.
/// </summary>
/// <remarks>
/// <para><b>Opening.</b> The first call of any <see cref="IEventStore"/> member (or of <see cref="OpenAsync"/>) runs the
/// factory given to <c>UseEventStore</c> once, with the registered pipelines (the catalog's, plus the injected <see cref="PipelineDefinition"/> when the application registered its own); concurrent first calls wait for the same
/// open. An open that fails (a database not reachable yet, a directory that does not exist) is not kept: every caller
/// waiting for it gets its exception, and the next call tries again. A caller's cancellation token stops that caller's
/// wait, not the open others wait for; disposing the container cancels an open still under way. Call
/// <see cref="OpenAsync"/> at start-up to fail fast instead of on the first request.</para>
/// <para><b>Calls.</b> Each member behaves as the opened store's (see <see cref="IEventStore"/>): its arguments are
/// checked by the store, after the open. The streamed reads open the store when their enumeration starts.</para>
/// <para><b>Disposal.</b> The container disposes this instance (and with it the opened store) when it is disposed:
/// prefer <c>DisposeAsync</c> (<c>await using</c>, which ASP.NET Core's host uses); <see cref="Dispose"/> waits for the
/// same asynchronous disposal. Disposing twice does nothing more. After disposal every call throws
/// <see cref="ObjectDisposedException"/>.</para>
/// <para>Thread-safe: one instance serves any number of concurrent callers, as the stores do.</para>
/// </remarks>
/// <example><code>
/// services.AddSalesPipeline(o =&gt; o.UseEventStore((sp, pipelines, ct) =&gt; SqliteEventStore.OpenAsync("deals.db", pipelines, cancellationToken: ct)));
/// await using var provider = services.BuildServiceProvider();
/// await provider.GetRequiredService&lt;DeferredEventStore&gt;().OpenAsync(); // optional: fail at start-up, not on first use
/// var store = provider.GetRequiredService&lt;IEventStore&gt;();
/// await store.SaveDealAsync(deal, expectedVersion: 0, Guid.NewGuid());
/// </code></example>
public sealed partial class DeferredEventStore : IEventStore, IDisposable
{
    private readonly IServiceProvider services;
    private readonly Func<IServiceProvider, IReadOnlyList<PipelineDefinition>, CancellationToken, Task<IEventStore?>> open;
    private readonly CancellationTokenSource lifetime = new();
    private readonly object gate = new();
    private Task<IEventStore>? opening;
    private bool disposed;

    internal DeferredEventStore(
        IServiceProvider services,
        Func<IServiceProvider, IReadOnlyList<PipelineDefinition>, CancellationToken, Task<IEventStore?>> open
    )
    {
        this.services = services;
        this.open = open;
    }

    /// <summary>Whether the store has been opened (and not disposed).</summary>
    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return !disposed && opening is { IsCompletedSuccessfully: true };
            }
        }
    }

    /// <summary>
    /// Opens the configured store if it is not open yet, and returns it: the store the factory given to
    /// <see cref="SalesPipelineOptions.UseEventStore"/> returned (for example a <c>SqliteEventStore</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait (the open goes on for other callers).</param>
    /// <returns>The opened store.</returns>
    /// <exception cref="ObjectDisposedException">This instance (its container) was disposed.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Any exception of the factory (an unreachable database, a missing directory) comes out as it is; the next call tries again.</remarks>
    public async ValueTask<IEventStore> OpenAsync(CancellationToken cancellationToken = default)
    {
        Task<IEventStore> task;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (opening is null || opening.IsFaulted || opening.IsCanceled)
            {
                opening = OpenOnceAsync();
            }
            task = opening;
        }
        IEventStore store;
        try
        {
            store = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The open was cancelled by the container's disposal: say so, as every call after disposal does.
            ThrowIfDisposed();
            throw;
        }
        // The container may have been disposed while this caller waited: the store it would get is disposed (or about to be).
        ThrowIfDisposed();
        return store;
    }

    /// <summary>Disposes the opened store (if it was opened), after cancelling an open still under way.</summary>
    /// <returns>A task that completes when the store is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        Task<IEventStore>? task;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            task = opening;
        }
        try
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            if (task is not null)
            {
                IEventStore? store = null;
                try
                {
                    store = await task.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // An open that failed or was cancelled left nothing to dispose; its callers got the exception.
                }
                if (store is not null)
                {
                    await store.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Even when the store's own disposal throws (its exception comes out of this call).
            lifetime.Dispose();
        }
    }

    /// <summary>Disposes the opened store, waiting for its asynchronous disposal (for a container disposed with <c>Dispose</c>).</summary>
    /// <remarks>Safe on a single-threaded synchronization context (a WPF or WinForms UI thread) even while an open is under
    /// way: nothing in this package resumes on the caller's context (every await uses <c>ConfigureAwait(false)</c>, and the
    /// open starts on the thread pool), so blocking that thread cannot wait for itself.</remarks>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>"DeferredEventStore (not open)" or "DeferredEventStore: SqliteEventStore /data/deals.db".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        lock (gate)
        {
            if (disposed)
            {
                return "DeferredEventStore (disposed)";
            }
            return opening is { IsCompletedSuccessfully: true } ? $"DeferredEventStore: {opening.Result}" : "DeferredEventStore (not open)";
        }
    }

    private void ThrowIfDisposed()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
        }
    }

    private async Task<IEventStore> OpenOnceAsync()
    {
        // Yield before the factory runs, so it runs after `opening` is set and the lock released: a factory that does
        // synchronous work first (building a data source) neither holds the lock nor lets a second caller start another open.
        // Onto the thread pool, not the caller's synchronization context (Task.Yield would post there): a synchronous
        // Dispose on a single-threaded context (a UI thread) waits for this open and would otherwise wait for itself.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        // The catalog's pipelines, and the injected PipelineDefinition when the application registered its own.
        var pipelines = services.GetRequiredService<PipelineCatalog>().WithInjected(services.GetRequiredService<PipelineDefinition>());
        var store = await open(services, pipelines, lifetime.Token).ConfigureAwait(false);
        return store
            ?? throw new InvalidOperationException(
                "The event store factory given to SalesPipelineOptions.UseEventStore returned null; it must return the opened store."
            );
    }
}
