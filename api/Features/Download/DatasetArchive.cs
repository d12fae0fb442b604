using System.Security.Cryptography;
using System.Text.Json.Nodes;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Download;

/// <summary>
/// The download's tables of one dataset version, read in the snapshot's transaction (so the zip is exactly
/// the version its name and ETag say): each seed file's CSV bytes and its data-package resource. The zip is
/// made from them once, on the first download of the version; PostgreSQL is not read for it.
/// </summary>
public sealed class DatasetArchive(IReadOnlyList<DatasetArchive.Table> tables)
{
    public sealed record Table(string File, byte[] Csv, JsonObject Resource);

    private byte[]? _zip;

    public IReadOnlyList<Table> Tables { get; } = tables;

    public byte[] Zip(Func<byte[]> build) => LazyInitializer.EnsureInitialized(ref _zip, build);

    internal static async Task<DatasetArchive> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var names = SeedSet.Headers.Keys.Select(f => f[..^4]).ToList();
        var schema = await Catalogue.ReadAsync(conn, tx, names);
        var tables = new List<Table>();
        foreach (var (file, columns) in SeedSet.Headers)
        {
            var csv = new MemoryStream();
            await schema.WriteCsvAsync(conn, tx, file[..^4], columns, csv);
            var resource = schema.Resource(file[..^4], $"data/{file}", columns, names);
            // So that a reader can check each file it unpacked (Frictionless: bytes, and hash with its algorithm).
            resource["bytes"] = csv.Length;
            resource["hash"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(csv.GetBuffer().AsSpan(0, (int)csv.Length)));
            tables.Add(new Table(file, csv.ToArray(), resource));
        }
        return new DatasetArchive(tables);
    }
}
