using MlNetDeep.Model;

namespace MlNetDeep;

/// <summary>Transformers applied in order, as ML.NET's <c>TransformerChain&lt;TLastTransformer&gt;</c>.</summary>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;

    /// <summary>A chain of the given transformers (the last must be a <typeparamref name="TLastTransformer"/>, if any).</summary>
    public TransformerChain(params ITransformer[] transformers)
    {
        _transformers = [.. transformers];
        if (_transformers.Length > 0 && _transformers[^1] is not TLastTransformer)
            throw new ArgumentException($"Expected the last transformer to be a {typeof(TLastTransformer).Name}. Received: {_transformers[^1].GetType().Name}", nameof(transformers));
    }

    /// <summary>The last transformer (null for an empty chain).</summary>
    public TLastTransformer? LastTransformer => _transformers.Length == 0 ? null : (TLastTransformer)_transformers[^1];

    /// <summary>A new chain with <paramref name="transformer"/> at the end.</summary>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer) where TNewLast : class, ITransformer =>
        new([.. _transformers, transformer]);

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        var s = inputSchema;
        foreach (var t in _transformers) s = t.GetOutputSchema(s);
        return s;
    }

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        GetOutputSchema(input.Schema); // fail now, not when a cursor moves
        var v = input;
        foreach (var t in _transformers) v = t.Transform(v);
        return v;
    }

    /// <inheritdoc/>
    public void Save(ModelSaveContext ctx)
    {
        for (int i = 0; i < _transformers.Length; i++) ctx.SaveChild(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), _transformers[i]);
    }

    internal static TransformerChain<ITransformer> Load(ModelLoadContext ctx) => new([.. ctx.LoadChildren()]);

    /// <inheritdoc/>
    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
