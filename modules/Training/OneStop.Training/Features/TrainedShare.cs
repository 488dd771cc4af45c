namespace OneStop.Training.Features;

/// <summary>Desk officers under a unit path and how many of them passed a class in the year (the module's <c>GET /kpi</c>).</summary>
internal sealed record TrainedShare(int DeskStaff, int Trained)
{
    public double Ratio => DeskStaff == 0 ? 0 : (double)Trained / DeskStaff;
}
