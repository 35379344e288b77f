using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>
/// Keys are stored as hashes (issue #15 item 8): the configuration holds <c>KeyHash</c>, the SHA-256 of the key's UTF-8
/// bytes as 64 lowercase hex digits, never the key. SHA-256 rather than a slow password hash (PBKDF2) because keys are random
/// secrets of 256 bits (<c>hash-key</c> makes them), not passwords a dictionary could guess, and every request checks one.
/// Print the hash of a key — or make a new key and print both — with
/// <c>dotnet run --project samples/Aria.Billing.ReferenceHost -- hash-key [key]</c>.
/// </summary>
public static class HostKeyHash
{
    /// <summary>The keys of the sample client in appsettings.json: accepted in the Development environment only.</summary>
    public static IReadOnlyList<string> SampleKeys { get; } = ["change-me-ops-key", "change-me-viewer-key"];

    /// <summary>The hash the configuration holds for <paramref name="key"/>.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether <paramref name="presented"/> is the key whose hash is <paramref name="keyHash"/> (in constant time).</summary>
    public static bool Matches(string presented, string keyHash)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return IsWellFormed(keyHash)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), Convert.FromHexString(keyHash));
    }

    /// <summary>Whether <paramref name="keyHash"/> is 64 hex digits.</summary>
    public static bool IsWellFormed(string? keyHash) => keyHash is { Length: 64 } && keyHash.All(char.IsAsciiHexDigit);

    /// <summary>A new random key (256 bits, URL-safe base64).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The <c>hash-key [key]</c> command: prints the hash of the key given, or a new key and its hash.</summary>
    public static void Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count > 1)
        {
            output.WriteLine(Of(args[1]));
            return;
        }

        var key = NewKey();
        output.WriteLine($"key:      {key}");
        output.WriteLine($"key_hash: {Of(key)}");
    }
}

/// <summary>
/// Refuses to start the host with keys it cannot use: a <c>KeyHash</c> that is not 64 hex digits (a plain key put where its
/// hash belongs), and — outside the Development environment — the sample keys of appsettings.json.
/// </summary>
internal sealed class HostSecurityOptionsValidator(IHostEnvironment environment) : IValidateOptions<HostSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, HostSecurityOptions options)
    {
        var failures = new List<string>();
        var samples = HostKeyHash.SampleKeys.Select(HostKeyHash.Of).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var client in options.Clients)
        {
            foreach (var key in client.Keys)
            {
                if (!HostKeyHash.IsWellFormed(key.KeyHash))
                {
                    failures.Add($"AriaHost:Clients: key '{key.Name}' of client {client.ClientNo} has no KeyHash of 64 hex digits (the configuration holds "
                        + "the SHA-256 of a key, not the key: dotnet run --project samples/Aria.Billing.ReferenceHost -- hash-key <key>).");
                }
                else if (!environment.IsDevelopment() && samples.Contains(key.KeyHash))
                {
                    failures.Add($"AriaHost:Clients: key '{key.Name}' of client {client.ClientNo} is a sample key of appsettings.json, accepted only in the "
                        + $"Development environment (this is {environment.EnvironmentName}): make a key with hash-key and configure its KeyHash.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
