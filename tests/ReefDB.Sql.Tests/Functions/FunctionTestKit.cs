using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Functions;

/// <summary>Calls functions the way the engine does: resolve by argument types, then invoke.</summary>
internal static class FunctionTestKit
{
    public static FunctionContext Context { get; } = FunctionContext.Create(new DateTime(2024, 2, 15, 13, 14, 15, 500), 42);

    public static ResolvedFunction Resolve(string name, params Typed[] arguments) =>
        FunctionRegistry.Resolve(name, arguments.Select(a => a.Type).ToArray());

    public static SqlValue Call(string name, params Typed[] arguments) =>
        Resolve(name, arguments).Invoke(arguments.Select(a => a.Value).ToArray(), Context);

    public static string? Eval(string name, params Typed[] arguments) => Call(name, arguments).FormatText();

    public static string ResultType(string name, params Typed[] arguments) => Resolve(name, arguments).ResultType.Name;
}
