namespace OneStop.Platform.AdministrativeUnits;

/// <summary>The kinds of <see cref="UnitDesignation"/>.</summary>
public static class UnitDesignationKinds
{
    /// <summary>Xã đặc biệt khó khăn (vùng đồng bào dân tộc thiểu số và miền núi, bãi ngang ven biển và hải đảo).</summary>
    public const string EspeciallyDifficult = "especially-difficult";

    public static readonly IReadOnlyList<string> All = [EspeciallyDifficult];
}
