using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace OneStop.Platform.Storage;

/// <summary>
/// Blobs as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Viettel/VNPT object storage), named
/// <c>{prefix}ab/abcd…</c> from the key. Objects are written once and never overwritten: the key is the content.
/// Not exercised against a live server on the development machine (none can run there); see ADR "Digitization".
/// </summary>
internal sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly BlobStorageOptions.S3Options _options;

    public S3BlobStore(BlobStorageOptions.S3Options options, string stagingDirectory)
    {
        _options = options;
        StagingDirectory = stagingDirectory;
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, AuthenticationRegion = options.Region };
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
        }

        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string StagingDirectory { get; }

    public async Task<StoredBlob> PutStagedAsync(StagedFile stagedFile, CancellationToken ct = default)
    {
        var created = false;
        using (stagedFile)
        {
            if (!await ExistsAsync(stagedFile.Sha256, ct))
            {
                await _client.PutObjectAsync(new PutObjectRequest { BucketName = _options.Bucket, Key = ObjectName(stagedFile.Sha256), FilePath = stagedFile.Path }, ct);
                created = true;
            }
        }

        return new StoredBlob(stagedFile.Sha256, stagedFile.Length, created);
    }

    public async Task<StoredBlob> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var key = BlobKeys.Of(content.Span);
        if (await ExistsAsync(key, ct))
        {
            return new StoredBlob(key, content.Length);
        }

        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _options.Bucket, Key = ObjectName(key), InputStream = stream }, ct);
        return new StoredBlob(key, content.Length, Created: true);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken ct = default)
    {
        try
        {
            var response = await _client.GetObjectAsync(_options.Bucket, ObjectName(key), ct);
            // Buffered: callers hash or parse the whole file, and the response must not outlive the request.
            var copy = new MemoryStream();
            await using (response.ResponseStream)
            {
                await response.ResponseStream.CopyToAsync(copy, ct);
            }

            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_options.Bucket, ObjectName(key), ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default) =>
        await _client.DeleteObjectAsync(_options.Bucket, ObjectName(key), ct);

    /// <summary>Objects are listed with their last-modified time; an existing object stored again is not rewritten, so its time stays (ADR 0033).</summary>
    public async IAsyncEnumerable<BlobEntry> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _options.Prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, ct);
            foreach (var o in response.S3Objects ?? [])
            {
                var key = o.Key[(o.Key.LastIndexOf('/') + 1)..];
                if (BlobKeys.IsValid(key) && o.LastModified is { } modified)
                {
                    yield return new BlobEntry(key, modified.ToUniversalTime());
                }
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    private string ObjectName(string key)
    {
        BlobKeys.Require(key);
        return $"{_options.Prefix}{key[..2]}/{key}";
    }

    public void Dispose() => _client.Dispose();
}
