namespace MlNetDeep.Transforms.Text;

/// <summary>
/// A dense id for each distinct short sequence of ints (n-grams of token ids), stored in one flat
/// pool: ids are given in insertion order. Not thread-safe while adding; lookups on a map that is
/// no longer modified are safe from any thread.
/// </summary>
internal sealed class IntSequenceMap
{
    private int[] _pool = new int[64];
    private int _poolCount;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private int[] _hashes = new int[16];
    private int[] _next = new int[16];
    private int[] _buckets = new int[16]; // 1-based slot + 1; 0 = empty

    public int Count { get; private set; }

    public ReadOnlySpan<int> this[int id] => _pool.AsSpan(_starts[id], _lengths[id]);

    public int Find(ReadOnlySpan<int> seq)
    {
        int h = Hash(seq);
        for (int s = _buckets[h & (_buckets.Length - 1)] - 1; s >= 0; s = _next[s])
            if (_hashes[s] == h && _pool.AsSpan(_starts[s], _lengths[s]).SequenceEqual(seq)) return s;
        return -1;
    }

    /// <summary>Adds <paramref name="seq"/> (which must not be present) and returns its id.</summary>
    public int Add(ReadOnlySpan<int> seq)
    {
        if (Count == _starts.Length) Grow();
        if (_poolCount + seq.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolCount + seq.Length));
        int id = Count++;
        seq.CopyTo(_pool.AsSpan(_poolCount));
        _starts[id] = _poolCount;
        _lengths[id] = seq.Length;
        _poolCount += seq.Length;
        int h = Hash(seq);
        _hashes[id] = h;
        ref int bucket = ref _buckets[h & (_buckets.Length - 1)];
        _next[id] = bucket - 1;
        bucket = id + 1;
        return id;
    }

    private void Grow()
    {
        int n = _starts.Length * 2;
        Array.Resize(ref _starts, n);
        Array.Resize(ref _lengths, n);
        Array.Resize(ref _hashes, n);
        Array.Resize(ref _next, n);
        _buckets = new int[n];
        for (int id = 0; id < Count; id++)
        {
            ref int bucket = ref _buckets[_hashes[id] & (n - 1)];
            _next[id] = bucket - 1;
            bucket = id + 1;
        }
    }

    private static int Hash(ReadOnlySpan<int> seq)
    {
        uint h = 2166136261u;
        foreach (int v in seq) h = (h ^ (uint)v) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)h;
    }
}
