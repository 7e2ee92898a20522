using MlNetDeep.Data;
using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Transforms.Onnx;

/// <summary>
/// Low-latency single-row serving of an ONNX model (made by
/// <see cref="OnnxTransformer.CreatePredictionEngine{TSrc, TDst}"/>): each call copies the members of
/// <typeparamref name="TSrc"/> named after the model's inputs into arrays allocated once, makes one
/// ONNX Runtime run with a batch of one, and writes the outputs into the members of
/// <typeparamref name="TDst"/> named after them (a float for a single value, a float[] otherwise),
/// with no data view in between. Members are matched as in <c>LoadFromEnumerable</c>
/// (<see cref="ColumnNameAttribute"/> renames); the model's input checks are the transformer's.
/// Gives the same values as <c>ml.Model.CreatePredictionEngine</c> over the transformer.
/// NOT thread-safe (its input arrays are reused): give each thread its own engine, or use
/// <c>ml.Model.CreatePredictionEnginePool</c> over the transformer.
/// </summary>
public sealed class OnnxPredictionEngine<TSrc, TDst>
    where TSrc : class
    where TDst : class, new()
{
    private readonly OnnxSession _session;
    private readonly Input[] _inputs;
    private readonly Output[] _outputs;
    private readonly Dictionary<string, OnnxTensor> _feed = new(StringComparer.Ordinal);

    internal OnnxPredictionEngine(OnnxTransformer transformer)
    {
        _session = transformer.Session;
        var source = TypeSchema.Create(typeof(TSrc));
        var binding = transformer.Bind(new DataViewSchema(source.Members.Select(m => (m.ColumnName, m.ColumnType, (DataViewSchema.Annotations?)null))));
        _inputs = binding.Inputs.Select(b => (Input)Activator.CreateInstance(typeof(Input<>).MakeGenericType(typeof(TSrc), typeof(TDst), b.ItemType),
            b, source.Members.Last(m => m.ColumnName == b.Column.Name), binding.Batched)!).ToArray();
        var target = TypeSchema.Create(typeof(TDst));
        var outputs = new List<Output>();
        foreach (var o in binding.Outputs)
        {
            var member = target.Members.LastOrDefault(m => m.ColumnName == o.Node.Name);
            if (member is null) continue;
            var expected = o.IsScalar ? o.ItemType : o.ItemType.MakeArrayType();
            if (member.MemberType != expected)
                throw new ArgumentException(
                    $"{typeof(TDst).Name}.{member.MemberName} receives ONNX output '{o.Node}'. Expected a member of type {expected.Name}. Received: {member.MemberType.Name}", nameof(TDst));
            outputs.Add((Output)Activator.CreateInstance(typeof(Output<>).MakeGenericType(typeof(TSrc), typeof(TDst), o.ItemType), o, member)!);
        }
        if (outputs.Count == 0)
            throw new ArgumentException(
                $"{typeof(TDst).Name} has no member named after an output of the model. Expected one of: {string.Join(", ", binding.Outputs.Select(o => o.Node.Name))}", nameof(TDst));
        _outputs = [.. outputs];
    }

    /// <summary>Runs the model on <paramref name="example"/>.</summary>
    public TDst Predict(TSrc example)
    {
        var prediction = new TDst();
        Predict(example, ref prediction);
        return prediction;
    }

    /// <summary>Runs the model on <paramref name="example"/>, filling <paramref name="prediction"/> (reused when not null).</summary>
    public void Predict(TSrc example, ref TDst prediction)
    {
        ArgumentNullException.ThrowIfNull(example);
        foreach (var input in _inputs) _feed[input.Name] = input.Tensor(example);
        var results = _session.Run(_feed);
        prediction ??= new TDst();
        foreach (var output in _outputs) output.Write(prediction, results[output.Name]);
    }

    private abstract class Input
    {
        public abstract string Name { get; }
        public abstract OnnxTensor Tensor(object example);
    }

    /// <summary>One model input: its array and tensor, made once and refilled per call (remade only
    /// when a variable-length member changes length).</summary>
    private sealed class Input<T> : Input where T : unmanaged
    {
        private readonly OnnxInputBinding _binding;
        private readonly TypeSchema.Member _member;
        private readonly bool _batched;
        private T[] _values = [];
        private OnnxTensor? _tensor;

        public Input(OnnxInputBinding binding, TypeSchema.Member member, bool batched)
        {
            _binding = binding;
            _member = member;
            _batched = batched;
        }

        public override string Name => _binding.Node.Name;

        public override OnnxTensor Tensor(object example)
        {
            var raw = _member.Get(example);
            ReadOnlySpan<T> values = raw switch
            {
                T[] array => array,
                VBuffer<T> vector => vector.GetValues(),
                T scalar => new[] { scalar },
                _ => throw new ArgumentException($"{example.GetType().Name}.{_member.MemberName} is null; it feeds ONNX input '{_binding.Node}'.", nameof(example)),
            };
            if (_tensor is null || values.Length != _values.Length)
            {
                long fixedCount = _binding.FixedCount;
                bool fits = _binding.DynamicIndex < 0 ? values.Length == fixedCount : fixedCount > 0 && values.Length > 0 && values.Length % fixedCount == 0;
                if (!fits)
                    throw new ArgumentException(
                        $"{example.GetType().Name}.{_member.MemberName} has {values.Length} values; ONNX input '{_binding.Node.Name}' (shape {_binding.Node.ShapeText}) expects " +
                        (_binding.DynamicIndex < 0 ? $"{fixedCount}." : $"a positive multiple of {fixedCount}."), nameof(example));
                var dims = _binding.RowDims;
                var shape = new long[dims.Length + (_batched ? 1 : 0)];
                int k = 0;
                if (_batched) shape[k++] = 1;
                for (int d = 0; d < dims.Length; d++) shape[k++] = d == _binding.DynamicIndex ? values.Length / fixedCount : dims[d];
                _values = new T[values.Length];
                _tensor = OnnxTensor.Create(_values, shape);
            }
            values.CopyTo(_values);
            return _tensor;
        }
    }

    private abstract class Output
    {
        public abstract string Name { get; }
        public abstract void Write(object prediction, OnnxTensor result);
    }

    private sealed class Output<T>(OnnxOutputBinding binding, TypeSchema.Member member) : Output where T : unmanaged
    {
        public override string Name => binding.Node.Name;

        // The run's output array is fresh and owned by this call: a vector member takes it as is.
        public override void Write(object prediction, OnnxTensor result)
        {
            var data = (T[])result.Data;
            member.Set(prediction, binding.IsScalar ? data[0] : data);
        }
    }
}
