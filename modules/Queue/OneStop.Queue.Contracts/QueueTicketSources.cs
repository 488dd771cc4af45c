namespace OneStop.Queue.Contracts;

/// <summary>Where a ticket was issued.</summary>
public static class QueueTicketSources
{
    public const string Kiosk = "KIOSK";
    public const string Appointment = "APPOINTMENT";
    public const string Officer = "OFFICER";
    /// <summary>A third-party kiosk through the API.</summary>
    public const string Api = "API";

    public static readonly string[] All = [Kiosk, Appointment, Officer, Api];
}
