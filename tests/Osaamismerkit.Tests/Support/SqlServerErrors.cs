using System.Globalization;
using System.Reflection;
using Microsoft.Data.SqlClient;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// A real <see cref="SqlException"/> with a given error number, as SQL Server or Azure SQL would send it, without a
/// server. SqlClient has no public constructor for it (nor for SqlError and SqlErrorCollection), so it is made through
/// the same internal factory the driver uses when a server answers with an error; parameters are matched by name, so a
/// new optional parameter in a later SqlClient does not break it, and a renamed one fails here, loudly, not in the test.
/// </summary>
public static class SqlServerErrors
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    public static SqlException Of(int number, string message, byte errorClass = 16)
    {
        var error = NewError(number, message, errorClass);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructor(Internal, Type.EmptyTypes)!.Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", Internal, [typeof(SqlError)])!.Invoke(errors, [error]);
        var create = typeof(SqlException).GetMethod(
            "CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])
            ?? throw new MissingMethodException("SqlException.CreateException(SqlErrorCollection, string) is gone from this SqlClient.");
        var exception = (SqlException)create.Invoke(null, [errors, "16.00.4135"])!;
        return exception.Number == number ? exception : throw new InvalidOperationException($"Made SqlException {exception.Number}, not {number}.");
    }

    private static SqlError NewError(int number, string message, byte errorClass)
    {
        var constructor = typeof(SqlError).GetConstructors(Internal)
            .Where(c => c.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(int))
            .MaxBy(c => c.GetParameters().Length)
            ?? throw new MissingMethodException("SqlError has no internal constructor taking an error number in this SqlClient.");
        // Numbers are converted to the parameter's own type: win32ErrorCode is int in one overload and uint in another.
        var arguments = constructor.GetParameters().Select(p => p.Name switch
        {
            "infoNumber" => number,
            "errorState" => Convert.ChangeType(1, p.ParameterType, CultureInfo.InvariantCulture),
            "errorClass" => Convert.ChangeType(errorClass, p.ParameterType, CultureInfo.InvariantCulture),
            "server" => "test-server",
            "errorMessage" => message,
            "procedure" => string.Empty,
            "lineNumber" => 0,
            "win32ErrorCode" => Convert.ChangeType(0, p.ParameterType, CultureInfo.InvariantCulture),
            "batchIndex" => -1,
            _ when p.HasDefaultValue => p.DefaultValue,
            _ when !p.ParameterType.IsValueType => null,
            _ => throw new MissingMethodException($"SqlError's constructor has a parameter {p.Name} this helper does not know."),
        }).ToArray();
        return (SqlError)constructor.Invoke(arguments);
    }
}
