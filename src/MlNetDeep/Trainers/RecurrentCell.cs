namespace MlNetDeep.Trainers;

/// <summary>The cell of a recurrent layer.</summary>
public enum RecurrentCell
{
    /// <summary>Long short-term memory.</summary>
    Lstm,

    /// <summary>Gated recurrent unit.</summary>
    Gru,

    /// <summary>Elman RNN with tanh.</summary>
    Rnn,
}
