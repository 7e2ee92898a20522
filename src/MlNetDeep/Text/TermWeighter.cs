using System.Globalization;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Turns bags of n-gram counts from an <see cref="NgramVocabulary"/> into weighted vectors, either
/// with ML.NET's rules (<see cref="MlNet"/>) or exactly as scikit-learn's
/// <c>TfidfVectorizer</c>/<c>TfidfTransformer</c> (<see cref="ScikitLearn"/>). Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// <para>ML.NET (N documents, df(t) of them containing t): idf(t) = ln(N / df(t)); Tf gives the
/// count, Idf gives idf(t) where the count is ≥ 1, TfIdf gives count × idf(t). No normalization.
/// So for "good boy / good girl / boy girl good", idf(good) = ln(3/3) = 0 and
/// idf(boy) = ln(3/2).</para>
/// <para>scikit-learn: tf is the count (1 if <c>binary</c>; 1 + ln(count) if
/// <c>sublinear_tf</c>); idf(t) = ln((1 + N) / (1 + df(t))) + 1 with <c>smooth_idf</c>, else
/// ln(N / df(t)) + 1; the row tf × idf is then divided by its L1 or L2 norm (unless 0).</para>
/// </remarks>
public sealed class TermWeighter
{
    private enum Kind { MlNetTf, MlNetIdf, MlNetTfIdf, ScikitLearn }

    private readonly Kind _kind;
    private readonly double[] _idf;
    private readonly bool _sublinearTf;
    private readonly bool _binary;
    private readonly VectorNorm _norm;

    private TermWeighter(NgramVocabulary vocabulary, Kind kind, double[] idf, bool sublinearTf, bool binary, VectorNorm norm)
    {
        Vocabulary = vocabulary;
        _kind = kind;
        _idf = idf;
        _sublinearTf = sublinearTf;
        _binary = binary;
        _norm = norm;
    }

    /// <summary>ML.NET's weighting for <c>ProduceNgrams</c>/<c>ProduceWordBags</c>.</summary>
    public static TermWeighter MlNet(NgramVocabulary vocabulary, NgramWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var kind = weighting switch
        {
            NgramWeighting.Tf => Kind.MlNetTf,
            NgramWeighting.Idf => Kind.MlNetIdf,
            NgramWeighting.TfIdf => Kind.MlNetTfIdf,
            _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, $"Expected Tf, Idf or TfIdf. Received: weighting={weighting}"),
        };
        var idf = new double[vocabulary.Count];
        for (int i = 0; i < idf.Length; i++)
            idf[i] = kind == Kind.MlNetTf ? 1.0 : vocabulary.GetInverseDocumentFrequency(i);
        return new TermWeighter(vocabulary, kind, idf, false, false, VectorNorm.None);
    }

    /// <summary>
    /// scikit-learn's <c>TfidfVectorizer</c> weighting; the defaults are scikit-learn's
    /// (<c>use_idf=True, smooth_idf=True, sublinear_tf=False, norm='l2', binary=False</c>).
    /// </summary>
    public static TermWeighter ScikitLearn(NgramVocabulary vocabulary, bool useIdf = true, bool smoothIdf = true,
        bool sublinearTf = false, VectorNorm norm = VectorNorm.L2, bool binary = false)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (!Enum.IsDefined(norm))
            throw new ArgumentOutOfRangeException(nameof(norm), norm, $"Expected None, L1 or L2. Received: norm={norm}");
        var idf = new double[vocabulary.Count];
        double n = vocabulary.DocumentCount;
        for (int i = 0; i < idf.Length; i++)
        {
            double df = vocabulary.GetDocumentFrequency(i);
            idf[i] = !useIdf ? 1.0 : smoothIdf ? Math.Log((1 + n) / (1 + df)) + 1 : Math.Log(n / df) + 1;
        }
        return new TermWeighter(vocabulary, Kind.ScikitLearn, idf, sublinearTf, binary, norm);
    }

    /// <summary>The vocabulary whose bags this weighter accepts.</summary>
    public NgramVocabulary Vocabulary { get; }

    /// <summary>The idf factor of each slot (all 1 when the weighting uses none).</summary>
    public IReadOnlyList<double> Idf => _idf;

    /// <summary>Weights one bag of counts produced by <see cref="NgramVocabulary.CountNgrams"/>.</summary>
    public SparseVector Apply(SparseVector counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != _idf.Length)
            throw new ArgumentException($"Expected a bag of {_idf.Length} slots (this weighter's vocabulary). Received: counts.Length={counts.Length}", nameof(counts));
        var idx = counts.Indices;
        var tf = counts.Values;
        var values = new double[idx.Length];
        for (int i = 0; i < idx.Length; i++)
        {
            double c = tf[i];
            double idf = _idf[idx[i]];
            values[i] = _kind switch
            {
                Kind.MlNetTf => c,
                Kind.MlNetIdf => c >= 1 ? idf : 0,
                Kind.MlNetTfIdf => c * idf,
                _ => ScikitTf(c) * idf,
            };
        }
        if (_norm != VectorNorm.None)
        {
            double norm = 0;
            foreach (var v in values) norm += _norm == VectorNorm.L1 ? Math.Abs(v) : v * v;
            if (_norm == VectorNorm.L2) norm = Math.Sqrt(norm);
            if (norm > 0)
                for (int i = 0; i < values.Length; i++) values[i] /= norm;
        }
        return new SparseVector(counts.Length, idx.ToArray(), values, owned: true);
    }

    /// <summary>Counts and weights one token vector.</summary>
    public SparseVector Transform(IReadOnlyList<string> tokens) => Apply(Vocabulary.CountNgrams(tokens));

    private double ScikitTf(double count)
    {
        if (count == 0) return 0;
        if (_binary) count = 1;
        return _sublinearTf ? 1 + Math.Log(count) : count;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TermWeighter({_kind}, {_idf.Length} slots, norm {_norm})");
}
