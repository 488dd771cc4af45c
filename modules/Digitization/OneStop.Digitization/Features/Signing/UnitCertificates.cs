using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Platform;
using OneStop.Platform.Persistence;

namespace OneStop.Digitization.Features.Signing;

/// <summary>
/// The X.509 certificate (with private key) each unit signs with. Production configures a PKCS#12 file per unit
/// (<c>Digitization:Signing:Certificates:{unitCode}:Path</c> and <c>:Password</c>) or one for all
/// (<c>Digitization:Signing:DefaultCertificate:*</c>), normally issued by the Government CA (Ban Cơ yếu Chính phủ).
/// The embedded default generates a self-signed certificate per unit on first use and keeps it, encrypted with the
/// host's data-protection keys, under <c>App_Data/digitization/certificates</c>.
/// </summary>
internal sealed class UnitCertificates(IConfiguration configuration, IHostEnvironment environment, IOptions<DatabaseOptions> database,
    IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Section = "Digitization:Signing";
    private readonly ConcurrentDictionary<Guid, X509Certificate2> _cache = new();
    private readonly Lock _gate = new();

    public X509Certificate2 For(AdministrativeUnitInfo unit) => _cache.GetOrAdd(unit.Id, _ => Load(unit));

    private X509Certificate2 Load(AdministrativeUnitInfo unit)
    {
        var configured = configuration.GetSection($"{Section}:Certificates:{unit.Code}");
        if (!configured.Exists())
        {
            configured = configuration.GetSection($"{Section}:DefaultCertificate");
        }

        if (configured["Path"] is { Length: > 0 } path)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(environment.ContentRootPath, path), configured["Password"], X509KeyStorageFlags.EphemeralKeySet);
        }

        if (!configuration.GetValue($"{Section}:GenerateSelfSigned", true))
        {
            throw new InvalidOperationException($"No signing certificate is configured for unit {unit.Code} ({Section}:Certificates:{unit.Code}:Path).");
        }

        lock (_gate)
        {
            var folder = Path.Combine(environment.ContentRootPath, database.Value.DataDirectory, "digitization", "certificates");
            // The file name is the unit's id, never input.
            var file = Path.Combine(folder, unit.Id.ToString("N") + ".pfx.protected");
            var protector = protection.CreateProtector("Digitization.UnitCertificates");
            if (File.Exists(file))
            {
                return X509CertificateLoader.LoadPkcs12(protector.Unprotect(File.ReadAllBytes(file)), null, X509KeyStorageFlags.EphemeralKeySet);
            }

            var pfx = Generate(unit);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(file, protector.Protect(pfx));
            return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet);
        }
    }

    private byte[] Generate(AdministrativeUnitInfo unit)
    {
        using var rsa = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("OneStop.Platform (tự ký, chỉ dùng thử)");
        name.AddCommonName(unit.Name);
        var request = new CertificateRequest(name.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
