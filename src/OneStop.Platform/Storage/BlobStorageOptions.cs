namespace OneStop.Platform.Storage;

/// <summary>Configuration section "Blobs".</summary>
public sealed class BlobStorageOptions
{
    public const string Section = "Blobs";

    /// <summary><c>FileSystem</c> (embedded default) or <c>S3</c>.</summary>
    public string Provider { get; set; } = "FileSystem";

    /// <summary>Folder of the file-system store, relative to the content root; default <c>{Database:DataDirectory}/blobs</c>.</summary>
    public string? Root { get; set; }

    public S3Options S3 { get; set; } = new();

    /// <summary>
    /// An external virus scanner run on every upload before it is accepted, e.g. <c>/usr/bin/clamdscan</c> with
    /// arguments <c>--no-summary --fdpass {file}</c>. Exit code 0 is clean, <see cref="InfectedExitCode"/> infected,
    /// anything else an error (the upload is refused). Empty: no scanner (embedded default).
    /// </summary>
    public string? VirusScanCommand { get; set; }

    public string VirusScanArguments { get; set; } = "{file}";

    public int InfectedExitCode { get; set; } = 1;

    /// <summary>A clamd daemon asked over TCP (INSTREAM) for every upload; takes precedence over <see cref="VirusScanCommand"/>.</summary>
    public ClamAvOptions ClamAv { get; set; } = new();

    /// <summary>Blobs no row references and older than this are removed by the orphan job (<c>platform-orphan-blobs</c>).</summary>
    public int OrphanGraceHours { get; set; } = 48;

    /// <summary>Section <c>Blobs:ClamAv</c>. Empty host: no clamd. Configured but unreachable: uploads are refused (fail closed).</summary>
    public sealed class ClamAvOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 3310;
        /// <summary>For the whole exchange (connect, send, verdict).</summary>
        public int TimeoutSeconds { get; set; } = 30;
        /// <summary>Chunk size of the INSTREAM protocol; clamd refuses a stream longer than its own StreamMaxLength.</summary>
        public int ChunkBytes { get; set; } = 64 * 1024;
    }

    public sealed class S3Options
    {
        /// <summary>Endpoint of an S3-compatible service (e.g. <c>https://s3.example.vn</c>); empty for AWS itself.</summary>
        public string? ServiceUrl { get; set; }
        public string Region { get; set; } = "us-east-1";
        public string Bucket { get; set; } = "onestop";
        public string AccessKey { get; set; } = "";
        public string SecretKey { get; set; } = "";
        /// <summary>Path-style URLs (<c>host/bucket/key</c>), which most on-premise S3 servers need.</summary>
        public bool ForcePathStyle { get; set; } = true;
        public string Prefix { get; set; } = "blobs/";
    }
}
