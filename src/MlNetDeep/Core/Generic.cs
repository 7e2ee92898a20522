using System.Reflection;

namespace MlNetDeep;

/// <summary>Calls a generic method for a type known only at run time (column raw types), so each transform has one generic code path instead of a copy per type.</summary>
internal static class Generic
{
    public static TResult Invoke<TResult>(Type owner, string method, Type[] typeArgs, object? target, params object?[] args)
    {
        var m = owner.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new MissingMethodException(owner.Name, method);
        try
        {
            return (TResult)m.MakeGenericMethod(typeArgs).Invoke(target, args)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
