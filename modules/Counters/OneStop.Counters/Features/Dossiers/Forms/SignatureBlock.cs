namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>One signature block of a form: the role ("NGƯỜI TIẾP NHẬN HỒ SƠ"), the hint, the signer's full name and title.</summary>
internal sealed record SignatureBlock(string Role, string Hint, string? Name, string? Position = null);
