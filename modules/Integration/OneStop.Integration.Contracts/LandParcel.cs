namespace OneStop.Integration.Contracts;

public sealed record LandParcel(string CertificateNumber, string ParcelNumber, string MapSheet, decimal AreaSquareMetres, string LandUse, string Address, string Holder);
