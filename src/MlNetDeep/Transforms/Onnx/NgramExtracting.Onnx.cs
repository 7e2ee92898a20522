using MlNetDeep.Data;
using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms.Text;

// ONNX export of n-gram bags over text tokens with TfIdfVectorizer (pool = the dictionary's n-grams
// grouped by length, ngram_indexes = their slots; TF counts, IDF = idf where the count is ≥ 1,
// TFIDF = count × idf, as ML.NET's weighting). Tokens come from outside the graph: a variable-length
// token column becomes a graph input [batch, tokens] of dynamic width, rows padded with "" (an empty
// token is in no n-gram of the dictionary, so padding counts nothing). Not exportable: WordBag's own
// tokenizer, skip-grams (TfIdfVectorizer's skips are counted differently), key tokens and the
// scikit-learn TF-IDF options (sublinear TF, norms).
public sealed partial class NgramExtractingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        reason = null;
        if (_separators is not null) { reason = "the word bag splits text into words itself, and the default ONNX domain (opset 13) has no tokenizer; tokenize outside the graph and use ProduceNgrams on the tokens"; return false; }
        if (_scikit is not null) { reason = "the scikit-learn TF-IDF options (sublinear TF, L1/L2 norms, smoothing) are not exported"; return false; }
        for (int j = 0; j < _columns.Length; j++)
        {
            var input = _columns[j].Input;
            if (!context.IsVariableLengthInput(input) && !context.CanRead(input, out reason)) return false;
            if (context.Schema[input].Type.GetItemType() is not TextDataViewType) { reason = $"column '{input}' holds keys; only text tokens are exported"; return false; }
            if (_vocabularies[j].Extractor.SkipLength > 0) { reason = $"skip-grams (skipLength={_vocabularies[j].Extractor.SkipLength}) are not exported"; return false; }
            if (_vocabularies[j].Count == 0) { reason = $"column '{input}' learned no n-grams"; return false; }
        }
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var b = context.Builder;
        for (int j = 0; j < _columns.Length; j++)
        {
            var (output, input) = _columns[j];
            var x = context.IsVariableLengthInput(input) ? context.GetPaddedInput(input, -1) : context.GetColumn(input);
            var vocab = _vocabularies[j];
            int n = vocab.Extractor.NgramLength;
            var idf = GetIdf(j);
            var slots = Enumerable.Range(0, vocab.Count).Select(i => (Slot: i, Ngram: vocab.GetNgram(i))).OrderBy(s => s.Ngram.Length).ThenBy(s => s.Slot).ToArray();
            var starts = new long[n];
            int at = 0;
            for (int len = 1; len <= n; len++)
            {
                starts[len - 1] = at;
                at += slots.Count(s => s.Ngram.Length == len);
            }
            var mode = _weighting switch
            {
                NgramExtractingEstimator.WeightingCriteria.Idf => "IDF",
                NgramExtractingEstimator.WeightingCriteria.TfIdf => "TFIDF",
                _ => "TF",
            };
            var attributes = new List<OnnxAttribute>
            {
                OnnxAttribute.String("mode", mode),
                OnnxAttribute.Int("min_gram_length", vocab.Extractor.UseAllLengths ? 1 : n),
                OnnxAttribute.Int("max_gram_length", n),
                OnnxAttribute.Int("max_skip_count", 0),
                OnnxAttribute.Ints("ngram_counts", starts),
                OnnxAttribute.Ints("ngram_indexes", slots.Select(s => (long)s.Slot).ToArray()),
                OnnxAttribute.Strings("pool_strings", slots.SelectMany(s => s.Ngram).ToArray()),
            };
            if (mode != "TF") attributes.Add(OnnxAttribute.Floats("weights", slots.Select(s => (float)idf[s.Slot]).ToArray()));
            var bag = b.AddNode("TfIdfVectorizer", [x.ValueName], [.. attributes]);
            context.SetColumn(output, bag, OnnxDataType.Float, vocab.Count);
        }
    }
}
