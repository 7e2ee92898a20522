using MlNetDeep.Data;
using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms.Text;

// ONNX export of the vocabulary lookup. Tokenization has no operator in the default domain, so the
// tokens come from outside the graph:
// - a variable-length token column becomes the graph input [batch, SequenceLength]: each row's tokens
//   truncated and padded with "" exactly as this transform does (Pre/Post), "" being the padding id 0;
// - a fixed-size token column of width w is looked up as it is, then truncated (Slice) or padded (Pad).
// The lookup is a TfIdfVectorizer over the vocabulary (1-grams, TF: a one-hot row per token) times the
// ids; a token that matches nothing is out of vocabulary (id 1).
public sealed partial class TokenSequenceMappingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        if (context.IsVariableLengthInput(_input)) { reason = null; return true; }
        if (!context.CanRead(_input, out reason)) return false;
        if (Vocabulary.Count <= 2)
        {
            reason = "the vocabulary learned no token";
            return false;
        }
        if (context.Schema[_input].Type is not VectorDataViewType)
        {
            reason = $"its input '{_input}' is text to split into words, and the default ONNX domain (opset 13) has no tokenizer; map a token column instead (its padded tokens become the graph input)";
            return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var b = context.Builder;
        bool padded = context.IsVariableLengthInput(_input);
        var x = padded ? context.GetPaddedInput(_input, _length) : context.GetColumn(_input);
        long w = x.Width;
        var learned = Vocabulary.Tokens.Skip(2).ToArray();
        // In the padded feed "" is padding (id 0); otherwise an empty token is out of vocabulary, as in the pipeline.
        var pool = padded ? [SequenceVocabulary.PaddingToken, .. learned] : learned;
        var poolIds = padded ? [0f, .. Enumerable.Range(2, learned.Length).Select(i => (float)i)] : Enumerable.Range(2, learned.Length).Select(i => (float)i).ToArray();
        var oneHot = b.AddNode("TfIdfVectorizer", [OnnxOps.Reshape(b, x.ValueName, -1, 1)],
            OnnxAttribute.String("mode", "TF"), OnnxAttribute.Int("min_gram_length", 1), OnnxAttribute.Int("max_gram_length", 1),
            OnnxAttribute.Int("max_skip_count", 0), OnnxAttribute.Ints("ngram_counts", 0),
            OnnxAttribute.Ints("ngram_indexes", Enumerable.Range(0, pool.Length).Select(i => (long)i).ToArray()),
            OnnxAttribute.Strings("pool_strings", pool)); // [batch·w, pool]
        var id = b.AddNode("MatMul", [oneHot, b.AddInitializer("token_ids", poolIds, poolIds.Length, 1)]);
        var matched = b.AddNode("ReduceSum", [oneHot, b.AddInitializer("axes", [1L], 1)], OnnxAttribute.Int("keepdims", 1));
        var oov = b.AddNode("Sub", [b.AddInitializer("one", [1f]), matched]); // 1 where no token matched
        id = OnnxOps.Reshape(b, OnnxOps.Cast(b, b.AddNode("Add", [id, oov]), OnnxDataType.Int64), -1, w);
        if (w > _length)
        {
            long start = _truncating == SequenceSide.Pre ? w - _length : 0;
            id = b.AddNode("Slice", [id, b.AddInitializer("starts", [start], 1), b.AddInitializer("ends", [start + _length], 1), b.AddInitializer("axes", [1L], 1)]);
        }
        else if (w < _length)
        {
            long fill = _length - w;
            long[] pads = _padding == SequenceSide.Pre ? [0, fill, 0, 0] : [0, 0, 0, fill];
            id = b.AddNode("Pad", [id, b.AddInitializer("pads", pads, 4), b.AddInitializer("pad_id", [0L])], OnnxAttribute.String("mode", "constant"));
        }
        context.SetColumn(_output, id, OnnxDataType.Int64, _length);
    }
}
