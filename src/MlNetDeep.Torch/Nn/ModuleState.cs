using MlNetDeep.Torch.IO;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Saves and loads a module's parameters and buffers (its state_dict) in the
/// <see cref="TensorFile"/> format. Loading checks that every name, dtype and shape matches.
/// </summary>
public static class ModuleState
{
    /// <summary>Parameters then buffers, with their PyTorch-style names.</summary>
    public static IReadOnlyList<(string Name, Tensor Tensor)> StateDict(this Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.NamedParameters().Concat(module.NamedBuffers()).ToList();
    }

    public static void Save(this Module module, Stream stream)
    {
        var state = module.StateDict();
        try { TensorFile.Write(stream, state); }
        finally { foreach (var (_, t) in state) t.Dispose(); }
    }

    public static void Save(this Module module, string path)
    {
        using var f = File.Create(path);
        module.Save(f);
    }

    /// <summary>Overwrites the module's state with the file's. <paramref name="source"/> names the file in errors.</summary>
    public static void Load(this Module module, Stream stream, string source = "stream")
    {
        var loaded = TensorFile.Read(stream, source);
        var state = module.StateDict();
        try
        {
            var byName = loaded.ToDictionary(e => e.Name, e => e.Tensor);
            var expected = state.Select(s => s.Name).ToHashSet();
            var missing = state.Where(s => !byName.ContainsKey(s.Name)).Select(s => s.Name).ToList();
            var unexpected = loaded.Where(l => !expected.Contains(l.Name)).Select(l => l.Name).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
                throw new InvalidDataException($"State file '{source}' does not fit this {module.Name}: " +
                    (missing.Count > 0 ? $"missing [{string.Join(", ", missing)}]" : "") +
                    (missing.Count > 0 && unexpected.Count > 0 ? "; " : "") +
                    (unexpected.Count > 0 ? $"unexpected [{string.Join(", ", unexpected)}]" : "") + ".");
            // Check everything before changing anything, so a bad file leaves the module as it was.
            foreach (var (name, target) in state)
            {
                var source_ = byName[name];
                if (source_.Dtype != target.Dtype || !source_.Shape.SequenceEqual(target.Shape))
                    throw new InvalidDataException($"State file '{source}' does not fit this {module.Name}: '{name}' is " +
                        $"{source_.Dtype}[{string.Join(", ", source_.Shape)}] in the file but {target.Dtype}[{string.Join(", ", target.Shape)}] in the module.");
            }
            foreach (var (name, target) in state) target.CopyFrom(byName[name]);
        }
        finally
        {
            foreach (var (_, t) in loaded) t.Dispose();
            foreach (var (_, t) in state) t.Dispose();
        }
    }

    public static void Load(this Module module, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"State file '{path}' does not exist.", path);
        using var f = File.OpenRead(path);
        module.Load(f, path);
    }
}
