using System.Globalization;
using System.Text;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Simulation.Kv;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// Short, readable renderings of messages and entries for traces: entries show the client request they
/// carry (<c>3/41 put#608</c>) instead of payload bytes.
/// </summary>
internal static class TraceFormat
{
    public static string Message(Message m)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{m.From}->{m.To} {m.Type} t{m.Term}");
        switch (m.Type)
        {
            case MessageType.Append:
                text.Append(CultureInfo.InvariantCulture, $" after {m.LogTerm}/{m.Index} commit {m.Commit}");
                if (m.Entries.Count > 0)
                {
                    text.Append(" [").AppendJoin(", ", m.Entries.Select(Entry)).Append(']');
                }

                break;
            case MessageType.AppendResponse:
                text.Append(CultureInfo.InvariantCulture, $" index {m.Index}");
                if (m.Reject)
                {
                    text.Append(CultureInfo.InvariantCulture, $" REJECT hint {m.RejectHint} logterm {m.LogTerm}");
                }

                break;
            case MessageType.Vote or MessageType.PreVote:
                text.Append(CultureInfo.InvariantCulture, $" last {m.LogTerm}/{m.Index}");
                break;
            case MessageType.VoteResponse or MessageType.PreVoteResponse:
                text.Append(m.Reject ? " REJECT" : " granted");
                break;
            case MessageType.Snapshot when m.Snapshot is { } snapshot:
                text.Append(CultureInfo.InvariantCulture, $" {snapshot.Metadata.Term}/{snapshot.Metadata.Index} {snapshot.Metadata.Membership}");
                break;
            case MessageType.Propose:
                text.Append(" [").AppendJoin(", ", m.Entries.Select(Entry)).Append(']');
                break;
            case MessageType.ReadIndex or MessageType.ReadIndexResponse:
                text.Append(CultureInfo.InvariantCulture, $" index {m.Index} ctx {Convert.ToHexString(m.Context.Span)}");
                break;
            default:
                if (m.Commit != 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $" commit {m.Commit}");
                }

                break;
        }

        return text.ToString();
    }

    public static string Entry(Entry e)
    {
        var position = string.Create(CultureInfo.InvariantCulture, $"{e.Term}/{e.Index}");
        if (e.Type == EntryType.ConfChange)
        {
            return position + " conf(" + ConfChangeCodec.Decode(e.Data.Span).Change + ")";
        }

        if (e.Data.IsEmpty)
        {
            return position + " noop";
        }

        try
        {
            var command = KvCommand.Decode(e.Data);
            return string.Create(CultureInfo.InvariantCulture, $"{position} {command.Kind.ToString().ToLowerInvariant()}#{command.RequestId}");
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException)
        {
            return position + " ?";
        }
    }
}
