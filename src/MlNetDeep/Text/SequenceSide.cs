namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Which end of a sequence padding is added to, or truncation removes from (Keras'
/// <c>padding</c>/<c>truncating</c> values <c>'pre'</c> and <c>'post'</c>).
/// </summary>
public enum SequenceSide
{
    /// <summary>At the start: pad before the tokens / drop the first tokens (keep the last ones).</summary>
    Pre = 0,
    /// <summary>At the end: pad after the tokens / drop the last tokens (keep the first ones).</summary>
    Post = 1,
}
