using System.Collections.Concurrent;

namespace SalesPipeline.DependencyInjection.Tests;

// A synchronization context with one thread, as a WPF or WinForms UI thread has: everything posted to it runs on that
// thread, in order, so a continuation posted while the thread is blocked waits until it is free.
internal sealed class SingleThreadedContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> queue = [];

    public SingleThreadedContext()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "single-threaded context" };
        thread.Start();
    }

    public override void Post(SendOrPostCallback d, object? state) => queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The tests only post to this context.");

    // Runs the action on the context's thread (as a UI event handler runs) and completes when it returns.
    public Task Run(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(
            _ =>
            {
                try
                {
                    action();
                    done.SetResult();
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            },
            null
        );
        return done.Task;
    }

    public void Dispose() => queue.CompleteAdding();

    private void Loop()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }
}
