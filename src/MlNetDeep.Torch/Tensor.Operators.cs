namespace MlNetDeep.Torch;

// C# operators for the arithmetic in Tensor.Math.cs. == and != are deliberately not
// overloaded: they keep reference equality; element-wise comparison is Eq/Ne (Tensor.Comparisons.cs).
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => NotNull(a).Add(b);
    public static Tensor operator +(Tensor a, double b) => NotNull(a).Add(b);
    public static Tensor operator +(double a, Tensor b) => NotNull(b).Add(a);

    public static Tensor operator -(Tensor a, Tensor b) => NotNull(a).Sub(b);
    public static Tensor operator -(Tensor a, double b) => NotNull(a).Sub(b);
    public static Tensor operator -(double a, Tensor b) => NotNull(b).RSub(a);

    public static Tensor operator *(Tensor a, Tensor b) => NotNull(a).Mul(b);
    public static Tensor operator *(Tensor a, double b) => NotNull(a).Mul(b);
    public static Tensor operator *(double a, Tensor b) => NotNull(b).Mul(a);

    public static Tensor operator /(Tensor a, Tensor b) => NotNull(a).Div(b);
    public static Tensor operator /(Tensor a, double b) => NotNull(a).Div(b);
    public static Tensor operator /(double a, Tensor b) => NotNull(b).RDiv(a);

    public static Tensor operator -(Tensor a) => NotNull(a).Neg();
}
