namespace HybridLlm.ProprietaryAdapter.Tests.Support;

/// <summary>Waits for a condition that other threads make true; the timeout only guards against a hang, never measures.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var giveUp = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
        }
    }

    /// <summary>The exception a call ended with, or null when it succeeded.</summary>
    public static async Task<Exception?> OutcomeAsync(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
