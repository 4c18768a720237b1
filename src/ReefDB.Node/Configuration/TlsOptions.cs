namespace ReefDB.Node.Configuration;

/// <summary>TLS file paths. Reserved: this version refuses to start with any of them set rather than run
/// in clear text while the operator believes traffic is encrypted.</summary>
/// <param name="CertFile">PEM certificate of this node.</param>
/// <param name="KeyFile">PEM private key of this node.</param>
/// <param name="CaFile">PEM bundle of the authority that signs peers' and clients' certificates.</param>
public sealed record TlsOptions(string? CertFile = null, string? KeyFile = null, string? CaFile = null)
{
    /// <summary>True when any path is set.</summary>
    public bool IsConfigured => CertFile is not null || KeyFile is not null || CaFile is not null;
}
