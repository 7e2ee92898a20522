using MlNetDeep.Transforms;

namespace MlNetDeep.Onnx;

/// <summary>
/// Writes a fitted pipeline (an <see cref="ITransformer"/>, usually a chain) as one ONNX graph:
/// chains are flattened into steps, each step exports itself through <see cref="IOnnxExportable"/>.
/// A pre-flight pass over a scratch graph finds every step that cannot be exported and the input
/// columns the exported steps read; the real pass then declares exactly those inputs.
/// </summary>
internal static class PipelineExporter
{
    internal sealed record Problem(int Index, string Step, string Reason)
    {
        public override string ToString() => $"{Step}: {Reason}";
    }

    private sealed record Analysis(List<Problem> Problems, IReadOnlySet<string> UsedInputs, Dictionary<string, OnnxColumn> Columns, OnnxExportContext Context);

    // Text steps ONNX cannot express in the default domain, with the precise reason.
    private const string NoTokenizer = "the default ONNX domain (opset 13) has no word or character tokenizer (no string Split or regex operator; only StringNormalizer and TfIdfVectorizer), so tokens cannot be produced from text inside the graph";
    private static readonly Dictionary<string, string> KnownReasons = new(StringComparer.Ordinal)
    {
        ["WordTokenizingTransformer"] = NoTokenizer,
        ["TokenizingByCharactersTransformer"] = NoTokenizer,
        ["TextFeaturizingTransformer"] = "FeaturizeText tokenizes text (" + NoTokenizer + "); feed tokens from outside the graph instead (ML.NET's FeaturizeText cannot be exported either)",
        ["TextNormalizingTransformer"] = "ONNX's StringNormalizer changes case only: removing diacritics, punctuation and numbers has no operator in the default domain",
        ["WordStemmingTransformer"] = "Porter stemming has no ONNX operator",
        ["StopWordsRemovingTransformer"] = "removing stop words changes the number of tokens per row; ONNX tensors here have a fixed width per column",
        ["HashingTransformer"] = "MurmurHash3 of text has no ONNX operator in the default domain",
        ["ImageLoadingTransformer"] = "image files cannot be read inside an ONNX graph",
        ["ImageResizingTransformer"] = "images are not ONNX tensors; export from the pixel vector on",
        ["ImagePixelExtractingTransformer"] = "images are not ONNX tensors; export from the pixel vector on",
        ["ImageAugmentingTransformer"] = "augmentation applies in training only",
        ["CustomMappingTransformer"] = "a custom mapping runs .NET code, which ONNX cannot hold",
        ["KeyToValueMappingTransformer"] = "mapping keys back to text needs a string lookup (LabelEncoder, ai.onnx.ml domain), outside the default domain",
    };

    /// <summary>The steps of <paramref name="model"/>, nested chains flattened, named "#index TypeName".</summary>
    internal static List<ITransformer> Steps(ITransformer model)
    {
        var steps = new List<ITransformer>();
        void Add(ITransformer t)
        {
            if (t is IEnumerable<ITransformer> chain) foreach (var c in chain) Add(c);
            else steps.Add(t);
        }
        Add(model);
        return steps;
    }

    internal static string StepName(int index, ITransformer t) => $"#{index} {TypeName(t)}";

    private static string TypeName(ITransformer t)
    {
        var type = t.GetType();
        return type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
    }

    private static Analysis Analyze(List<ITransformer> steps, int first, DataViewSchema schema)
    {
        var ctx = new OnnxExportContext(new OnnxGraphBuilder("preflight"), schema, null);
        var problems = new List<Problem>();
        for (int i = first; i < steps.Count; i++)
        {
            var t = steps[i];
            var name = StepName(i, t);
            var before = ctx.Schema;
            string? reason;
            bool ok;
            if (t is IOnnxExportable e)
            {
                ok = e.CanExport(ctx, out reason);
                if (ok)
                {
                    try { e.Export(ctx); ctx.Advance(t, before); }
                    catch (Exception ex) when (ex is OnnxExportException or ArgumentException or InvalidOperationException)
                    {
                        ok = false; reason = ex.Message;
                    }
                }
            }
            else
            {
                ok = false;
                var key = TypeName(t);
                reason = KnownReasons.TryGetValue(key, out var known) ? known : $"{key} does not implement ONNX export (IOnnxExportable)";
            }
            if (!ok)
            {
                problems.Add(new Problem(i, name, reason ?? "unknown reason"));
                ctx.Skip(t, name, before);
            }
        }
        return new Analysis(problems, ctx.UsedInputs, new Dictionary<string, OnnxColumn>(ctx.Columns), ctx);
    }

    /// <summary>Every step of <paramref name="model"/> that cannot be exported, "#index TypeName: reason".</summary>
    internal static IReadOnlyList<string> Problems(ITransformer model, DataViewSchema inputSchema) =>
        Analyze(Steps(model), 0, inputSchema).Problems.Select(p => p.ToString()).ToList();

    /// <summary>Exports <paramref name="model"/> (or its exportable tail) to <paramref name="stream"/>.</summary>
    internal static OnnxExportResult Export(ITransformer model, DataViewSchema inputSchema, Stream stream, bool exportableTailOnly, IEnumerable<string>? outputColumnNames)
    {
        var steps = Steps(model);
        var analysis = Analyze(steps, 0, inputSchema);
        int first = 0;
        var skipped = new List<string>();
        var schema = inputSchema;
        if (analysis.Problems.Count > 0)
        {
            if (!exportableTailOnly)
            {
                var p = analysis.Problems[0];
                throw new OnnxExportException(p.Step,
                    $"Cannot export step {p.Step} to ONNX: {p.Reason}." +
                    (analysis.Problems.Count > 1 ? " Other steps that cannot be exported: " + string.Join("; ", analysis.Problems.Skip(1)) + "." : "") +
                    " Pass exportableTailOnly: true to export the longest tail of the chain that can be exported.");
            }
            // The longest exportable tail: start after a step that cannot be exported, as early as
            // possible, such that the columns it leaves (fed as graph inputs) let every later step export.
            var all = analysis.Problems;
            foreach (var p in all)
            {
                first = p.Index + 1;
                schema = inputSchema;
                for (int i = 0; i < first; i++) schema = steps[i].GetOutputSchema(schema);
                var tail = Analyze(steps, first, schema);
                if (tail.Problems.Count == 0) { analysis = tail; break; }
            }
            skipped.AddRange(Enumerable.Range(0, first).Select(i => StepName(i, steps[i]) +
                (all.FirstOrDefault(p => p.Index == i) is { } p ? ": " + p.Reason : ": before a step that cannot be exported")));
        }
        if (first == steps.Count)
            throw new OnnxExportException(StepName(steps.Count - 1, steps[^1]), $"No step after {StepName(steps.Count - 1, steps[^1])} is left to export.");

        // Outputs: the requested columns, else every visible column a step computed (not raw inputs).
        var final = analysis.Columns;
        List<string> outputs;
        if (outputColumnNames is not null)
        {
            outputs = [.. outputColumnNames];
            foreach (var o in outputs)
                if (!final.ContainsKey(o))
                    throw new ArgumentException($"Expected output columns that the exported pipeline computes ({string.Join(", ", final.Keys)}). Received: {o}.", nameof(outputColumnNames));
        }
        else
        {
            var finalSchema = analysis.Context.Schema;
            outputs = finalSchema.Where(c => !c.IsHidden && final.TryGetValue(c.Name, out var v) && !analysis.Context.IsInputValue(v.ValueName)).Select(c => c.Name).ToList();
            if (outputs.Count == 0) throw new OnnxExportException("", "The exported pipeline computes no column: nothing to output.");
        }

        var builder = new OnnxGraphBuilder();
        var ctx = new OnnxExportContext(builder, schema, analysis.UsedInputs, analysis.Context.VariableInputWidths);
        var inputNames = ctx.Inputs.Select(i => i.OnnxName).ToHashSet(StringComparer.Ordinal);
        // Output names are taken before any node is added so that no value can claim them.
        var onnxNames = outputs.Select(o => builder.UniqueName(inputNames.Contains(o) ? o + ".output" : o)).ToList();
        for (int i = first; i < steps.Count; i++)
        {
            var before = ctx.Schema;
            ((IOnnxExportable)steps[i]).Export(ctx);
            ctx.Advance(steps[i], before);
        }
        var result = new List<OnnxExportColumn>();
        for (int i = 0; i < outputs.Count; i++)
        {
            var v = ctx.Columns[outputs[i]];
            builder.ReleaseName(onnxNames[i]);
            builder.AddOutput(v.ValueName, onnxNames[i], v.DataType, [v.Width]);
            result.Add(new OnnxExportColumn(outputs[i], onnxNames[i], v.DataType, v.Width));
        }
        builder.Save(stream);
        return new OnnxExportResult(ctx.Inputs, result, skipped);
    }
}
