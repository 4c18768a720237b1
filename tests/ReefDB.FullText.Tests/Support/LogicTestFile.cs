namespace ReefDB.FullText.Tests.Support;

/// <summary>One record of a sqllogictest file.</summary>
public sealed record LogicTestRecord(int Line, string Kind, string Header, string Sql, List<string> Expected);

/// <summary>Reads the sqllogictest format of the conformance files (statement ok/error, query … ----).</summary>
public static class LogicTestFile
{
    public static List<LogicTestRecord> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var records = new List<LogicTestRecord>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (!line.StartsWith("statement", StringComparison.Ordinal) && !line.StartsWith("query", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var start = i + 1;
            var header = line;
            i++;
            var sql = new List<string>();
            while (i < lines.Length && lines[i].Length > 0 && lines[i] != "----")
            {
                sql.Add(lines[i]);
                i++;
            }

            // A blank line inside a multi-line query belongs to the SQL when "----" follows later.
            while (header.StartsWith("query", StringComparison.Ordinal) && i < lines.Length && lines[i] != "----")
            {
                sql.Add(lines[i]);
                i++;
            }

            var expected = new List<string>();
            if (i < lines.Length && lines[i] == "----")
            {
                i++;
                while (i < lines.Length && lines[i].Length > 0)
                {
                    expected.Add(lines[i]);
                    i++;
                }
            }

            records.Add(new LogicTestRecord(start, header.Split(' ')[0], header, string.Join("\n", sql), expected));
        }

        return records;
    }
}
