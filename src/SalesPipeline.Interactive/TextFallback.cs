using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SalesPipeline.Interactive;

/// <summary>
/// Every other public type of the SalesPipeline packages that prints itself (a result whose ToString() is a compact
/// table, a finding, a rate) is shown as that text, line breaks kept, instead of the notebook's property tree.
/// </summary>
/// <remarks>A formatter for <see cref="object"/> that declines other types cannot do this: the formatting library then
/// writes nothing at all for them. So the types are found by reflection, in the SalesPipeline assemblies loaded now and in
/// those loaded later (a notebook references SalesPipeline.Csv before its first use loads it).</remarks>
internal static class TextFallback
{
    private static readonly object Gate = new();
    private static HashSet<Type> skip = [];
    private static bool hooked;

    public static void Register(IReadOnlySet<Type> covered)
    {
        lock (Gate)
        {
            skip = [.. covered];
            if (!hooked)
            {
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) => RegisterAssembly(e.LoadedAssembly);
                hooked = true;
            }
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            RegisterAssembly(assembly);
        }
    }

    /// <summary>The public types of a SalesPipeline assembly that the fallback shows as text.</summary>
    public static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        if (!IsSalesPipeline(assembly))
        {
            return [];
        }
        HashSet<Type> except;
        lock (Gate)
        {
            except = skip;
        }
        return assembly.GetExportedTypes().Where(t => !except.Contains(t) && PrintsItself(t));
    }

    private static void RegisterAssembly(Assembly assembly)
    {
        foreach (var type in TypesOf(assembly))
        {
            Registrar.ToStringOf(type);
        }
    }

    private static bool IsSalesPipeline(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? "";
        return name.StartsWith("SalesPipeline.", StringComparison.Ordinal)
            && name != typeof(TextFallback).Assembly.GetName().Name
            && !assembly.IsDynamic;
    }

    // A ToString() someone wrote: not object's or ValueType's, not the one the compiler writes for a record (its
    // "Name { A = 1, B = System.Collections.Generic.List`1[...] }" says less than the property tree).
    private static bool PrintsItself(Type type)
    {
        // Open generic types register as such (CsvReadResult<>) and cover every closed one.
        if (type.IsInterface || type.IsEnum || (type.IsAbstract && type.IsSealed))
        {
            return false;
        }
        if (typeof(Exception).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type))
        {
            return false;
        }
        var toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return toString is not null
            && toString.DeclaringType != typeof(object)
            && toString.DeclaringType != typeof(ValueType)
            && toString.GetCustomAttribute<CompilerGeneratedAttribute>() is null;
    }
}
