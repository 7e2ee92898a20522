using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// MapTokensToSequence exports its vocabulary lookup: tokens from outside the graph (padded with ""
/// to the sequence length as the transform pads) give the pipeline's ids, unknown tokens id 1.
/// </summary>
public class TokenSequenceOnnxExportTests
{
    public sealed class Doc
    {
        public string Text { get; set; } = "";
        [VectorType(2)] public string[] Pair { get; set; } = [];
    }

    private static readonly Doc[] Train =
    [
        new() { Text = "the cat sat on the mat", Pair = ["cat", "dog"] },
        new() { Text = "the dog sat", Pair = ["dog", "the"] },
        new() { Text = "a cat and a dog", Pair = ["mat", "cat"] },
    ];

    private static readonly Doc[] HeldOut =
    [
        new() { Text = "the bird sat on a cat and the dog", Pair = ["bird", "cat"] },
        new() { Text = "dog", Pair = ["the", ""] },
        new() { Text = "zebra mat", Pair = ["a", "mat"] },
    ];

    [Theory]
    [InlineData(SequenceSide.Pre, SequenceSide.Pre)]
    [InlineData(SequenceSide.Post, SequenceSide.Post)]
    [InlineData(SequenceSide.Pre, SequenceSide.Post)]
    public void Padded_tokens_fed_to_the_exported_lookup_give_the_pipeline_ids(SequenceSide padding, SequenceSide truncating)
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Train);
        var heldOut = ml.Data.LoadFromEnumerable(HeldOut);
        const int length = 5;
        var model = ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text")
            .Append(ml.Transforms.Text.MapTokensToSequence("Ids", "Tokens", sequenceLength: length, padding: padding, truncating: truncating))
            .Fit(train);

        Assert.False(ml.Model.CanConvertToOnnx(model, train, out var problems));
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("#0 WordTokenizingTransformer: ", problems[0]);
        Assert.StartsWith("#1 TokenSequenceMappingTransformer: column 'Tokens' is made by step #0 WordTokenizingTransformer", problems[1]);

        using var stream = new MemoryStream();
        var result = ml.Model.ConvertToOnnx(model, train, stream, exportableTailOnly: true);
        var input = Assert.Single(result.Inputs);
        Assert.Equal(("Tokens", OnnxDataType.String, (long)length), (input.OnnxName, input.DataType, input.Width));
        Assert.Equal(("Ids", OnnxDataType.Int64, (long)length), (result.Outputs[0].OnnxName, result.Outputs[0].DataType, result.Outputs[0].Width));
        PipelineExportHarness.Check("token_sequence", stream.ToArray());

        // Tokens padded and truncated outside the graph, as the transform does, "" as padding.
        var transformed = model.Transform(heldOut);
        var tokens = new List<string>();
        using (var cursor = transformed.GetRowCursor([transformed.Schema["Tokens"]]))
        {
            var g = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(transformed.Schema["Tokens"]);
            VBuffer<ReadOnlyMemory<char>> v = default;
            while (cursor.MoveNext())
            {
                g(ref v);
                var row = v.DenseValues().Select(t => t.ToString()).ToList();
                if (row.Count > length) row = truncating == SequenceSide.Pre ? row.Skip(row.Count - length).ToList() : row.Take(length).ToList();
                var fill = Enumerable.Repeat("", length - row.Count);
                tokens.AddRange(padding == SequenceSide.Pre ? fill.Concat(row) : row.Concat(fill));
            }
        }
        using var session = OnnxSession.FromBytes(stream.ToArray());
        var ids = session.Run(new Dictionary<string, OnnxTensor> { ["Tokens"] = OnnxTensor.Create(tokens.ToArray(), 3, length) })["Ids"].ToArray<long>();
        var expected = PipelineExportHarness.Values(transformed, "Ids", out _);
        Assert.Equal(expected, ids.Select(i => (double)i));
        Assert.Contains(1L, ids); // "bird" and "zebra" are out of vocabulary
        Assert.Contains(0L, ids); // padding
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_fixed_size_token_column_is_looked_up_then_padded_or_truncated(int length)
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Train);
        var heldOut = ml.Data.LoadFromEnumerable(HeldOut);
        var model = ml.Transforms.Text.MapTokensToSequence("Ids", "Pair", sequenceLength: length).Fit(train);
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, $"pair_sequence_{length}");
        Assert.Equal(["Pair"], result.Inputs.Select(i => i.OnnxName));
        Assert.Equal(2L, result.Inputs[0].Width);
        Assert.Equal((long)length, result.Outputs[0].Width);
    }

    [Theory]
    [InlineData(NgramExtractingEstimator.WeightingCriteria.Tf, true)]
    [InlineData(NgramExtractingEstimator.WeightingCriteria.Idf, true)]
    [InlineData(NgramExtractingEstimator.WeightingCriteria.TfIdf, true)]
    [InlineData(NgramExtractingEstimator.WeightingCriteria.TfIdf, false)]
    public void Ngram_bags_of_padded_tokens_export_with_ML_NET_weighting(NgramExtractingEstimator.WeightingCriteria weighting, bool useAllLengths)
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Train);
        var heldOut = ml.Data.LoadFromEnumerable(HeldOut);
        var model = ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text")
            .Append(ml.Transforms.Text.ProduceNgrams("Bag", "Tokens", ngramLength: 2, useAllLengths: useAllLengths, weighting: weighting))
            .Append(ml.Transforms.Text.ProduceNgrams("PairBag", "Pair", ngramLength: 2, weighting: weighting))
            .Fit(train);
        using var stream = new MemoryStream();
        var result = ml.Model.ConvertToOnnx(model, train, stream, exportableTailOnly: true);
        Assert.Equal(["Pair", "Tokens"], result.Inputs.Select(i => i.OnnxName));
        Assert.Equal(-1L, result.Inputs[1].Width); // dynamic: any padded width
        PipelineExportHarness.Check("ngram_bag", stream.ToArray());

        // Tokens padded at the end with "" to 12 (wider than any row): padding is in no n-gram.
        var transformed = model.Transform(heldOut);
        var tokens = new List<string>();
        using (var cursor = transformed.GetRowCursor([transformed.Schema["Tokens"]]))
        {
            var g = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(transformed.Schema["Tokens"]);
            VBuffer<ReadOnlyMemory<char>> v = default;
            while (cursor.MoveNext())
            {
                g(ref v);
                var row = v.DenseValues().Select(t => t.ToString()).ToList();
                tokens.AddRange(row.Concat(Enumerable.Repeat("", 12 - row.Count)));
            }
        }
        using var session = OnnxSession.FromBytes(stream.ToArray());
        var outputs = session.Run(new Dictionary<string, OnnxTensor>
        {
            ["Tokens"] = OnnxTensor.Create(tokens.ToArray(), 3, 12),
            ["Pair"] = PipelineExportHarness.Tensor(heldOut, result.Inputs[0]),
        });
        foreach (var column in new[] { "Bag", "PairBag" })
        {
            var expected = PipelineExportHarness.Values(transformed, column, out var width);
            Assert.Equal(new long[] { 3, width }, outputs[column].Shape);
            TestData.AssertClose(expected, PipelineExportHarness.Doubles(outputs[column]), rtol: 0, atol: 1e-5, what: column);
            Assert.Contains(expected, e => e != 0);
        }
    }
}
