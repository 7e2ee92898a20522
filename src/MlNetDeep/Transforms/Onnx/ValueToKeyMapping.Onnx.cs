using System.Globalization;
using MlNetDeep.Data;
using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export without LabelEncoder (ai.onnx.ml) and without string Equal (default domain only from
// opset 19): text looks its categories up with TfIdfVectorizer (1-grams, TF counts: a one-hot row per
// element), numbers and booleans with Equal against the categories; the one-hot rows times the keys
// 1..n give the key, 0 where nothing matched (unseen values, NaN).
public sealed partial class ValueToKeyMappingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        for (int j = 0; j < _columns.Length; j++)
        {
            if (!context.CanRead(_columns[j].Input, out reason)) return false;
            var map = _maps[j];
            if (map.Count == 0) { reason = $"column '{_columns[j].Input}' learned no values"; return false; }
            if (!OnnxExportContext.TryGetElementType(map.ValueType, out _))
            {
                reason = $"column '{_columns[j].Input}' has {map.ValueType} values, which have no ONNX element type here";
                return false;
            }
        }
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var b = context.Builder;
        for (int j = 0; j < _columns.Length; j++)
        {
            var x = context.GetColumn(_columns[j].Input);
            var values = _maps[j].ValueStrings();
            int n = values.Length;
            long k = x.Width;
            var keys = b.AddInitializer("keys", Enumerable.Range(1, n).Select(i => (float)i).ToArray(), n, 1);
            string key;
            if (x.DataType == OnnxDataType.String)
            {
                var oneHot = b.AddNode("TfIdfVectorizer", [OnnxOps.Reshape(b, x.ValueName, -1, 1)],
                    OnnxAttribute.String("mode", "TF"), OnnxAttribute.Int("min_gram_length", 1), OnnxAttribute.Int("max_gram_length", 1),
                    OnnxAttribute.Int("max_skip_count", 0), OnnxAttribute.Ints("ngram_counts", 0),
                    OnnxAttribute.Ints("ngram_indexes", Enumerable.Range(0, n).Select(i => (long)i).ToArray()),
                    OnnxAttribute.Strings("pool_strings", values));
                key = b.AddNode("MatMul", [oneHot, keys]); // [batch·k, 1]
            }
            else
            {
                var categories = x.DataType == OnnxDataType.Bool
                    ? b.AddInitializer("categories", values.Select(bool.Parse).ToArray(), n)
                    : OnnxOps.Constant(b, "categories", x.DataType, values.Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray(), n);
                var equal = b.AddNode("Equal", [OnnxOps.Reshape(b, x.ValueName, -1, k, 1), categories]); // [batch, k, n]
                key = b.AddNode("MatMul", [OnnxOps.Cast(b, equal, OnnxDataType.Float), keys]);       // [batch, k, 1]
            }
            key = OnnxOps.Cast(b, OnnxOps.Reshape(b, key, -1, k), OnnxDataType.Int64);
            context.SetColumn(_columns[j].Output, key, OnnxDataType.Int64, k);
        }
    }
}
