using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Entente.Core.Documents;

namespace Entente.Storage;

/// <summary>The content hash of a document: SHA-256 over its text and metadata, lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder(document.Text.Length + 256);
        foreach (var part in new[]
                 {
                     document.Id, document.Title, document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                     document.Url, document.Source, document.Text,
                 })
        {
            // Length-prefixed so that no two different documents give the same input.
            sb.Append(part is null ? "-1" : part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
