namespace OneStop.Platform.People;

/// <summary>How a person is named on screen and on paper: full name and title (chức danh), never the login.</summary>
public sealed record PersonName(Guid Id, string Login, string FullName, string? Position)
{
    /// <summary>"Phạm Thị Nhận — Công chức Tư pháp - Hộ tịch", or the name alone without a title.</summary>
    public string WithPosition => string.IsNullOrWhiteSpace(Position) ? FullName : $"{FullName} — {Position}";
}
