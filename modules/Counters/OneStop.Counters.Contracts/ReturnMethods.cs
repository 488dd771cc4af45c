namespace OneStop.Counters.Contracts;

/// <summary>How the result goes back to the applicant (hình thức trả kết quả).</summary>
public static class ReturnMethods
{
    public const string Desk = "DESK";
    public const string Postal = "POSTAL";
    public const string Electronic = "ELECTRONIC";

    public static readonly string[] All = [Desk, Postal, Electronic];
}
