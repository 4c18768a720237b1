namespace ReefDB.Node.Grpc;

/// <summary>The leader does not serve <c>Sql.Forward</c> (an older node): nothing was sent; use <c>Sql.Execute</c>.</summary>
internal sealed class ForwardStreamUnsupportedException(string address)
    : Exception($"the node at {address} does not serve reefdb.sql.Sql/Forward");
