using MlNetDeep.Model;

namespace MlNetDeep;

/// <summary>An object that can write itself into a model file (see <see cref="ModelSaveContext"/>).</summary>
public interface ICanSaveModel
{
    /// <summary>Writes the parameters (and tensors) needed to rebuild this object.</summary>
    void Save(ModelSaveContext ctx);
}
