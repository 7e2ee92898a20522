using MlNetDeep.Data;
using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: the key [batch, k] is compared with the keys that have a slot (Equal, so key 0 and the
// dropped key give zeros), then flattened per element (Indicator) or summed over elements (Bag,
// ReduceSum); Binary takes the bits with integer Div and Mod.
public sealed partial class KeyToVectorMappingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        foreach (var spec in _columns)
        {
            if (!context.CanRead(spec.Input, out reason)) return false;
            if (context.Schema.GetColumnOrNull(spec.Input) is not { } c || c.Type.GetItemType() is not KeyDataViewType key)
            {
                reason = $"column '{spec.Input}' is not a key";
                return false;
            }
            if (spec.Mode != Mode.Binary && key.Count - (spec.DropKey > 0 ? 1UL : 0UL) == 0)
            {
                reason = $"column '{spec.Input}' gives no slots (ONNX has no zero-width tensor here)";
                return false;
            }
        }
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var b = context.Builder;
        foreach (var spec in _columns)
        {
            var x = context.GetColumn(spec.Input);
            int n = (int)((KeyDataViewType)context.Schema[spec.Input].Type.GetItemType()).Count;
            long k = x.Width;
            var k3 = OnnxOps.Reshape(b, x.ValueName, -1, k, 1);
            string y;
            long width;
            if (spec.Mode == Mode.Binary)
            {
                int bits = 1;
                while ((1UL << bits) <= (ulong)n) bits++;
                var powers = Enumerable.Range(0, bits).Select(i => 1L << (bits - 1 - i)).ToArray();
                var bit = b.AddNode("Mod", [b.AddNode("Div", [k3, b.AddInitializer("powers", powers, bits)]), b.AddInitializer("two", [2L])]);
                width = k * bits;
                y = OnnxOps.Reshape(b, OnnxOps.Cast(b, bit, OnnxDataType.Float), -1, width);
            }
            else
            {
                var slots = Enumerable.Range(1, n).Select(i => (long)i).Where(i => i != spec.DropKey).ToArray();
                var oneHot = OnnxOps.Cast(b, b.AddNode("Equal", [k3, b.AddInitializer("slot_keys", slots, slots.Length)]), OnnxDataType.Float); // [batch, k, m]
                if (spec.Mode == Mode.Bag)
                {
                    width = slots.Length;
                    y = b.AddNode("ReduceSum", [oneHot, b.AddInitializer("axes", [1L], 1)], OnnxAttribute.Int("keepdims", 0));
                }
                else
                {
                    width = k * slots.Length;
                    y = OnnxOps.Reshape(b, oneHot, -1, width);
                }
            }
            context.SetColumn(spec.Output, y, OnnxDataType.Float, width);
        }
    }
}
