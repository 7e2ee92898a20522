using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>Copies a value so that the receiver can keep it: vectors get their own array (reusing the destination's when large enough).</summary>
internal static class ValueCopier
{
    public static T Copy<T>(T source, T destination)
    {
        if (source is null) return source!;
        if (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>))
            return Holder<T>.Copy(source, destination);
        return source;
    }

    /// <summary>Copies a boxed value (a vector gets a fresh array).</summary>
    public static object CopyBoxed(object value) => value switch
    {
        VBuffer<float> v => new VBuffer<float>(v.Length, v.ToArray()),
        VBuffer<double> v => new VBuffer<double>(v.Length, v.ToArray()),
        VBuffer<int> v => new VBuffer<int>(v.Length, v.ToArray()),
        VBuffer<long> v => new VBuffer<long>(v.Length, v.ToArray()),
        VBuffer<uint> v => new VBuffer<uint>(v.Length, v.ToArray()),
        VBuffer<bool> v => new VBuffer<bool>(v.Length, v.ToArray()),
        VBuffer<ReadOnlyMemory<char>> v => new VBuffer<ReadOnlyMemory<char>>(v.Length, v.ToArray()),
        _ => value,
    };

    private static class Holder<T>
    {
        public static readonly Func<T, T, T> Copy = Make();

        private static Func<T, T, T> Make()
        {
            var item = typeof(T).GetGenericArguments()[0];
            var m = typeof(Holder<T>).GetMethod(nameof(CopyVector), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(item);
            return (Func<T, T, T>)Delegate.CreateDelegate(typeof(Func<T, T, T>), m);
        }

        private static VBuffer<TItem> CopyVector<TItem>(VBuffer<TItem> source, VBuffer<TItem> destination)
        {
            source.CopyTo(ref destination);
            return destination;
        }
    }
}
