using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>The modules of the sequence <see cref="LayerSpec"/> kinds, for <see cref="NetworkBuilder"/>.</summary>
internal static class SequenceLayers
{
    /// <summary>Appends the modules of <paramref name="spec"/> reading <paramref name="width"/> features per step; returns the new width.</summary>
    public static long Add(List<Module> modules, LayerSpec spec, long width, bool first)
    {
        if (spec.Units < 1) throw new ArgumentException($"Expected at least 1 unit. Received: Units={spec.Units}.", nameof(spec));
        switch (spec.Kind)
        {
            case LayerSpec.Embedding:
                if (spec.Vocabulary < 1) throw new ArgumentException($"Expected a vocabulary of at least 1 id. Received: Vocabulary={spec.Vocabulary}.", nameof(spec));
                modules.Add(new Embedding(spec.Vocabulary, spec.Units));
                return spec.Units;
            case LayerSpec.Recurrent:
                if (spec.Layers < 1) throw new ArgumentException($"Expected at least 1 layer. Received: Layers={spec.Layers}.", nameof(spec));
                // A window of raw values is T steps of one feature each.
                var input = first ? 1 : width;
                var dropout = spec.Layers > 1 ? spec.Dropout : 0;
                modules.Add(spec.Cell switch
                {
                    RecurrentCell.Lstm => new LSTM(input, spec.Units, spec.Layers, batchFirst: true, dropout: dropout, bidirectional: spec.Bidirectional),
                    RecurrentCell.Gru => new GRU(input, spec.Units, spec.Layers, batchFirst: true, dropout: dropout, bidirectional: spec.Bidirectional),
                    RecurrentCell.Rnn => new RNN(input, spec.Units, spec.Layers, batchFirst: true, dropout: dropout, bidirectional: spec.Bidirectional),
                    _ => throw new ArgumentException($"Expected a RecurrentCell. Received: Cell={spec.Cell}.", nameof(spec)),
                });
                modules.Add(new LastTimeStep(batchFirst: true));
                if (spec.Dropout > 0) modules.Add(new Dropout(spec.Dropout));
                return spec.Units * (spec.Bidirectional ? 2 : 1);
            case LayerSpec.TextConvolution:
                if (spec.KernelSize < 1) throw new ArgumentException($"Expected a kernel of at least 1 token. Received: KernelSize={spec.KernelSize}.", nameof(spec));
                // Kim's formulation: one input channel, a filter spanning KernelSize tokens × the whole embedding.
                modules.Add(new Conv2d(1, spec.Units, (spec.KernelSize, width)));
                modules.Add(Activation.Create(ActivationKind.Relu));
                modules.Add(new GlobalMaxPool2d());
                if (spec.Dropout > 0) modules.Add(new Dropout(spec.Dropout));
                return spec.Units;
            default:
                throw new ArgumentException($"Expected a sequence layer kind. Received: Kind={spec.Kind}.", nameof(spec));
        }
    }
}
