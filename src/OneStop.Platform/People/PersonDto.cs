namespace OneStop.Platform.People;

/// <summary>A person (cán bộ, công chức) as administrators see them.</summary>
public sealed record PersonDto(
    Guid Id, string Login, string FullName, string? Position, string? Email, string? Phone,
    bool IsActive, bool MustChangePassword, bool TwoFactorEnabled, bool IsLocked, IReadOnlyList<MembershipDto> Memberships);
