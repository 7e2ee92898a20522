using System.Collections.Concurrent;
using MlNetDeep.Transforms;

namespace MlNetDeep.Model;

/// <summary>
/// The fixed table of transformer kinds a model file may contain: a short tag (written in the
/// manifest) ↔ a .NET type and its loader. Loading looks the tag up here and never instantiates a
/// type named by the file. Trainers register their own transformer once (e.g. in a static
/// constructor of their catalog extension): <c>TransformerRegistry.Register&lt;MyTransformer&gt;("MyTag", 1, MyTransformer.Load)</c>.
/// </summary>
public static class TransformerRegistry
{
    private sealed record Entry(string Tag, Type Type, int Version, Func<ModelLoadContext, ITransformer> Load);

    private static readonly ConcurrentDictionary<string, Entry> ByTag = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Entry> ByType = new();

    static TransformerRegistry()
    {
        Add("TransformerChain", typeof(TransformerChain<>), 1, TransformerChain<ITransformer>.Load);
        Add("ColumnConcatenating", typeof(ColumnConcatenatingTransformer), 1, ColumnConcatenatingTransformer.Load);
        Add("ColumnCopying", typeof(ColumnCopyingTransformer), 1, ColumnCopyingTransformer.Load);
        Add("ColumnSelecting", typeof(ColumnSelectingTransformer), 1, ColumnSelectingTransformer.Load);
        Add("TypeConverting", typeof(TypeConvertingTransformer), 1, TypeConvertingTransformer.Load);
        Add("ValueToKeyMapping", typeof(ValueToKeyMappingTransformer), 1, ValueToKeyMappingTransformer.Load);
        Add("KeyToValueMapping", typeof(KeyToValueMappingTransformer), 1, KeyToValueMappingTransformer.Load);
        Add("KeyToVector", typeof(KeyToVectorMappingTransformer), 1, KeyToVectorMappingTransformer.Load);
        Add("OneHotEncoding", typeof(OneHotEncodingTransformer), 1, OneHotEncodingTransformer.Load);
        Add("Normalizing", typeof(NormalizingTransformer), 1, NormalizingTransformer.Load);
        Add("MissingValueReplacing", typeof(MissingValueReplacingTransformer), 1, MissingValueReplacingTransformer.Load);
        Add("Hashing", typeof(HashingTransformer), 1, HashingTransformer.Load);
        Add("MissingValueIndicator", typeof(MissingValueIndicatorTransformer), 1, MissingValueIndicatorTransformer.Load);
    }

    /// <summary>
    /// Registers a transformer kind. <paramref name="version"/> is the newest parameter layout this
    /// code writes; the loader receives the saved version in <see cref="ModelLoadContext.Version"/>.
    /// Registering the same tag for another type throws.
    /// </summary>
    public static void Register<TTransformer>(string tag, int version, Func<ModelLoadContext, TTransformer> load)
        where TTransformer : ITransformer =>
        Add(tag, typeof(TTransformer), version, ctx => load(ctx));

    private static void Add(string tag, Type type, int version, Func<ModelLoadContext, ITransformer> load)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-')))
            throw new ArgumentException($"Expected a tag of ASCII letters, digits, '.', '_' or '-'. Received: tag='{tag}'", nameof(tag));
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), $"Expected version >= 1. Received: version={version}");
        var e = new Entry(tag, type, version, load);
        var existing = ByTag.GetOrAdd(tag, e);
        if (existing.Type != type) throw new InvalidOperationException($"Tag '{tag}' is already registered for {existing.Type.Name}.");
        ByType[type] = existing;
    }

    /// <summary>Whether a tag is registered.</summary>
    public static bool IsRegistered(string tag) => ByTag.ContainsKey(tag);

    internal static (string Tag, int Version) TagOf(Type type)
    {
        if (ByType.TryGetValue(type, out var e) || (type.IsGenericType && ByType.TryGetValue(type.GetGenericTypeDefinition(), out e)))
            return (e.Tag, e.Version);
        throw new InvalidOperationException($"{type.Name.Split('`')[0]} cannot be saved: it is not registered in TransformerRegistry (custom mappings are never saved).");
    }

    internal static bool TryGet(string tag, out int version, out Func<ModelLoadContext, ITransformer> load)
    {
        if (ByTag.TryGetValue(tag, out var e)) { version = e.Version; load = e.Load; return true; }
        version = 0; load = null!;
        return false;
    }
}
