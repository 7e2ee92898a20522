namespace MlNetDeep;

/// <summary>
/// Marks, on this thread, that cursors are being opened over a one-row-at-a-time source (a <see cref="PredictionEngine{TSrc, TDst}"/>'s):
/// data views that would read ahead (batched scoring) must not, since the next row does not exist yet.
/// </summary>
internal static class SingleRowScope
{
    [ThreadStatic] private static int _depth;

    /// <summary>Whether a single-row cursor is being opened on this thread.</summary>
    public static bool IsActive => _depth > 0;

    /// <summary>Enters the scope until the result is disposed.</summary>
    public static IDisposable Enter()
    {
        _depth++;
        return new Exit();
    }

    private sealed class Exit : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            _depth--;
        }
    }
}
