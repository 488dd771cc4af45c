namespace OneStop.Platform.Storage.Inspection;

/// <summary>The deep check of an upload whose type the content has shown (ADR 0033): the message code of the refusal, or <c>null</c>.</summary>
internal static class UploadInspector
{
    public static string? Check(string contentType, string path) => contentType switch
    {
        FileTypes.Pdf => PdfInspection.Check(File.ReadAllBytes(path)),
        FileTypes.Docx or FileTypes.Xlsx => OfficeInspection.Check(path),
        FileTypes.Png or FileTypes.Jpeg or FileTypes.Tiff => ImageInspection.Check(contentType, File.ReadAllBytes(path)),
        _ => null,
    };
}
