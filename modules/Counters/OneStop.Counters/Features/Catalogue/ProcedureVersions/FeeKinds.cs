namespace OneStop.Counters.Features.Catalogue.ProcedureVersions;

/// <summary>Kinds of money a procedure asks for, as the national catalogue names them.</summary>
internal static class FeeKinds
{
    public const string Fee = "FEE";                // lệ phí
    public const string ServiceFee = "SERVICE_FEE"; // phí

    public static readonly string[] All = [Fee, ServiceFee];
}
