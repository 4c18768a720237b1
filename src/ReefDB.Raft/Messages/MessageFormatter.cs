using System.Globalization;
using System.Text;
using ReefDB.Raft.Configuration;

namespace ReefDB.Raft.Messages;

/// <summary>Readable one-line renderings of messages and entries (traces, test scripts, debugging).</summary>
public static class MessageFormatter
{
    /// <summary>Formats a message as <c>1->2 Append Term:3 Log:2/5 Commit:4 Entries:[3/6 "x"]</c>.</summary>
    public static string Format(Message m)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"{m.From}->{m.To} {m.Type} Term:{m.Term}");
        if (m.Type is MessageType.Heartbeat or MessageType.HeartbeatResponse)
        {
            if (m.Index != 0)
            {
                text.Append(c, $" Round:{m.Index}");
            }
        }
        else if (m.Index != 0 || m.LogTerm != 0)
        {
            text.Append(c, $" Log:{m.LogTerm}/{m.Index}");
        }

        if (m.Commit != 0)
        {
            text.Append(c, $" Commit:{m.Commit}");
        }

        if (m.Reject)
        {
            text.Append(" Rejected");
            if (m.RejectHint != 0 || m.Type == MessageType.AppendResponse)
            {
                text.Append(c, $" (Hint:{m.RejectHint})");
            }
        }

        if (m.Entries.Count > 0)
        {
            text.Append(" Entries:[");
            for (var i = 0; i < m.Entries.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                text.Append(Format(m.Entries[i]));
            }

            text.Append(']');
        }

        if (m.Snapshot is { } s)
        {
            text.Append(c, $" Snapshot:[Index:{s.Metadata.Index} Term:{s.Metadata.Term} {s.Metadata.Membership}]");
        }

        if (!m.Context.IsEmpty)
        {
            text.Append(" Context:").Append(FormatBytes(m.Context.Span));
        }

        return text.ToString();
    }

    /// <summary>Formats an entry as <c>term/index "data"</c> or <c>term/index AddVoter 4</c>.</summary>
    public static string Format(Entry e)
    {
        var c = CultureInfo.InvariantCulture;
        if (e.Type == EntryType.ConfChange)
        {
            try
            {
                var (change, result) = ConfChangeCodec.Decode(e.Data.Span);
                return string.Create(c, $"{e.Term}/{e.Index} {change} -> {result}");
            }
            catch (FormatException)
            {
                return string.Create(c, $"{e.Term}/{e.Index} ConfChange(corrupt)");
            }
        }

        return e.Data.IsEmpty
            ? string.Create(c, $"{e.Term}/{e.Index} (empty)")
            : string.Create(c, $"{e.Term}/{e.Index} {FormatBytes(e.Data.Span)}");
    }

    /// <summary>Printable ASCII as a quoted string, anything else as hex.</summary>
    public static string FormatBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7e or (byte)'"')
            {
                return "0x" + Convert.ToHexString(bytes);
            }
        }

        return "\"" + Encoding.ASCII.GetString(bytes) + "\"";
    }
}
