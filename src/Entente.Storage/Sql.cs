using System.Data.Common;

namespace Entente.Storage;

/// <summary>Small ADO.NET helpers: positional parameters (<c>$1</c>, <c>$2</c>, …) that both back ends read.</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params object?[] args)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var arg in args)
        {
            var p = cmd.CreateParameter();
            p.Value = arg ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public static int Execute(DbConnection connection, DbTransaction? tx, string sql, params object?[] args)
    {
        using var cmd = Command(connection, tx, sql, args);
        return cmd.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? tx, string sql, params object?[] args)
    {
        using var cmd = Command(connection, tx, sql, args);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Long(DbConnection connection, DbTransaction? tx, string sql, params object?[] args) =>
        Convert.ToInt64(Scalar(connection, tx, sql, args) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);

    public static string? Text(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int Int(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static long Int64(this DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static double Double(this DbDataReader r, int i) => Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly? Date(this DbDataReader r, int i)
    {
        if (r.IsDBNull(i))
        {
            return null;
        }

        return r.GetValue(i) switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => r.GetFieldValue<DateOnly>(i),
        };
    }
}
