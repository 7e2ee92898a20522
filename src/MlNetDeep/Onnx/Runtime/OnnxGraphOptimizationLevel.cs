namespace MlNetDeep.Onnx.Runtime;

/// <summary>How much ONNX Runtime rewrites the graph when a session is created
/// (ONNX Runtime's <c>GraphOptimizationLevel</c>; the values are its codes).</summary>
public enum OnnxGraphOptimizationLevel
{
    /// <summary>No graph optimization.</summary>
    DisableAll = 0,
    /// <summary>Semantics-preserving node removals and constant folding.</summary>
    Basic = 1,
    /// <summary>Basic plus node fusions.</summary>
    Extended = 2,
    /// <summary>Everything, including layout optimizations (ONNX Runtime's default).</summary>
    All = 99,
}
