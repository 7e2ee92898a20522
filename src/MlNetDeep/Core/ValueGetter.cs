namespace MlNetDeep;

/// <summary>Reads the value of a column at a cursor's current row into <paramref name="value"/> (a vector's array may be reused).</summary>
public delegate void ValueGetter<TValue>(ref TValue value);
