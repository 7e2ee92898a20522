using System.Collections.Concurrent;

namespace MlNetDeep;

/// <summary>
/// A thread-safe way to predict with one model: each call borrows a <see cref="PredictionEngine{TSrc, TDst}"/>
/// from a pool (creating one when none is free) and returns it afterwards, so concurrent callers
/// never share an engine. Engines are kept up to <see cref="MaximumRetained"/>.
/// </summary>
public sealed class PredictionEnginePool<TSrc, TDst>
    where TSrc : class
    where TDst : class, new()
{
    private readonly ConcurrentBag<PredictionEngine<TSrc, TDst>> _free = [];
    private readonly Func<PredictionEngine<TSrc, TDst>> _create;
    private int _created;

    internal PredictionEnginePool(Func<PredictionEngine<TSrc, TDst>> create, int maximumRetained)
    {
        if (maximumRetained < 1) throw new ArgumentOutOfRangeException(nameof(maximumRetained), $"Expected maximumRetained >= 1. Received: maximumRetained={maximumRetained}");
        _create = create;
        MaximumRetained = maximumRetained;
        _free.Add(create()); // fail now (bad schema), not on the first call
        _created = 1;
    }

    /// <summary>Most idle engines kept.</summary>
    public int MaximumRetained { get; }

    /// <summary>Engines created so far.</summary>
    public int EnginesCreated => Volatile.Read(ref _created);

    /// <summary>Runs the model on <paramref name="example"/>; safe to call from many threads.</summary>
    public TDst Predict(TSrc example)
    {
        if (!_free.TryTake(out var engine))
        {
            engine = _create();
            Interlocked.Increment(ref _created);
        }
        try
        {
            return engine.Predict(example);
        }
        finally
        {
            if (_free.Count < MaximumRetained) _free.Add(engine);
        }
    }
}
