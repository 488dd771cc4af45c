namespace OneStop.Counters.Features.Dossiers.WorkQueues;

/// <summary>The queues of a person's home ("Việc cần làm"), in the order the page shows them.</summary>
internal static class WorkQueueKinds
{
    /// <summary>Online and postal dossiers waiting at the desk to be received or refused.</summary>
    public const string ToReceive = "to-receive";
    /// <summary>Received at the unit, nobody assigned yet.</summary>
    public const string ToAssign = "to-assign";
    /// <summary>Assigned to me: to process and propose.</summary>
    public const string ToProcess = "to-process";
    /// <summary>Open steps at my agency (a department, the tax office).</summary>
    public const string AtMyAgency = "at-my-agency";
    /// <summary>Proposed results waiting for a leader of the unit.</summary>
    public const string ToApprove = "to-approve";
    /// <summary>Results back at the receiving desk, to return to the applicant.</summary>
    public const string ToReturn = "to-return";

    public static readonly string[] All = [ToReceive, ToAssign, ToProcess, AtMyAgency, ToApprove, ToReturn];
}
