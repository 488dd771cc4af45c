using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace OneStop.Platform.Identity;

/// <summary>
/// The certificate OpenIddict's server (API clients) and client (citizen sign-in, ADR 0046) sign and encrypt with:
/// <c>OpenIddict:CertificatePath</c> and <c>…:CertificatePassword</c>, one for every instance, so that a token or state
/// one instance issued another can read. Null for the embedded default, whose keys live as long as the process.
/// </summary>
public static class OpenIddictCertificate
{
    public static X509Certificate2? FromConfiguration(IConfiguration configuration) =>
        configuration["OpenIddict:CertificatePath"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration["OpenIddict:CertificatePassword"])
            : null;
}
