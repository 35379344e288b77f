using System.Text.Json;
using Aria.Billing.Testing.PublicApi;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// The host's OpenAPI document as a contract (issue #18): the live <c>/openapi/v1.json</c> equals the checked-in snapshot
/// <c>samples/Aria.Billing.ReferenceHost/openapi/v1.json</c> that CI lints (Redocly) and generates the Kiota client from; with
/// <c>ARIA_BILLING_ACCEPT_API=1</c> the snapshot is rewritten instead (a change on purpose: commit it, and run <c>.ci/openapi.sh</c>).
/// </summary>
public sealed class OpenApiContractTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public OpenApiContractTests(HostFactory host) => _host = host;

    /// <summary>The snapshot's path in the repository.</summary>
    public static string SnapshotPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Aria.Billing.sln")))
                {
                    return Path.Combine(dir.FullName, "samples", "Aria.Billing.ReferenceHost", "openapi", "v1.json");
                }
            }

            throw new DirectoryNotFoundException($"Aria.Billing.sln not found above {AppContext.BaseDirectory}");
        }
    }

    [Fact]
    public async Task Document_IsTheCheckedInSnapshot()
    {
        var live = Normalise(await _host.CreateClient().GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable(PublicApiSnapshot.AcceptVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, live);
            return;
        }

        var expected = File.Exists(SnapshotPath) ? Normalise(await File.ReadAllTextAsync(SnapshotPath)) : "";
        Assert.True(expected == live,
            $"/openapi/v1.json differs from {SnapshotPath}: if the change is on purpose, run `ARIA_BILLING_ACCEPT_API=1 dotnet test tests/Aria.Billing.ReferenceHost.Tests --filter FullyQualifiedName~OpenApiContract`, then .ci/openapi.sh, and commit both.");
    }

    // Issue #18 item 1: every operation is named, summarised, typed, secured, and lists its refusals as problem details.
    [Fact]
    public async Task EveryOperation_HasIdSummarySecurityTypedSuccessAndProblemResponses()
    {
        var document = await (await _host.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "X-Aria-Client-No"), (schemes.GetProperty("AriaClientNo").GetProperty("type").GetString(),
            schemes.GetProperty("AriaClientNo").GetProperty("in").GetString(), schemes.GetProperty("AriaClientNo").GetProperty("name").GetString()));
        Assert.Equal("X-Aria-Auth-Key", schemes.GetProperty("AriaAuthKey").GetProperty("name").GetString());

        var ids = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var op = method.Value;
                var where = $"{method.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(ids.Add(op.GetProperty("operationId").GetString()!), $"{where}: operationId repeated");
                Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("summary").GetString()), where);
                var security = Assert.Single(op.GetProperty("security").EnumerateArray());
                Assert.Equal(["AriaAuthKey", "AriaClientNo"], security.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                var responses = op.GetProperty("responses");
                var successes = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToArray();
                Assert.NotEmpty(successes);
                Assert.All(successes, s => Assert.True(s.Value.TryGetProperty("content", out var body) && body.TryGetProperty("application/json", out _), $"{where}: untyped {s.Name}"));
                var errors = new[] { "400", "401", "403", "429" }.Concat(op.TryGetProperty("requestBody", out _) ? ["413"] : []);
                foreach (var status in errors)
                {
                    Assert.True(responses.TryGetProperty(status, out var error), $"{where}: no {status}");
                    Assert.Equal("#/components/schemas/ErrorBody", error.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
                }

                Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), where);
            }
        }

        Assert.True(ids.Count >= 41, $"{ids.Count} operations");
    }

    // Issue #18 items 5-6: enumerations are snake_case strings documented as enums; dates and instants say their format;
    // query parameters keep their snake_case names.
    [Fact]
    public async Task Enumerations_AreSnakeCaseStrings_DatesAndInstantsHaveTheirFormat()
    {
        var document = await (await _host.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToArray();

        Assert.True(enums.Length >= 20, $"{enums.Length} enumerations");
        Assert.All(enums, e =>
        {
            Assert.Equal("string", e.Value.GetProperty("type").GetString());
            Assert.All(e.Value.GetProperty("enum").EnumerateArray(), v => Assert.Matches("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", v.GetString()));
        });
        Assert.Equal("date", schemas.GetProperty("PlanChangeDto").GetProperty("properties").GetProperty("effective_date").GetProperty("format").GetString());
        Assert.Equal("date-time", schemas.GetProperty("NextRunDto").GetProperty("properties").GetProperty("starts_at").GetProperty("format").GetString());
        // Texts the host reads as enumerations (coded INVALID_VALUE when wrong) list their values too.
        Assert.Contains("rate_schedule", schemas.GetProperty("QueueChangeDto").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("batch_error_summary", schemas.GetProperty("ScopeDto").GetProperty("properties").GetProperty("level").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var search = document.GetProperty("paths").GetProperty("/sync/{domain}/records").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Contains("object_name", search);
        Assert.Contains("batch_id", search);
        Assert.DoesNotContain("objectName", search);
        var domain = document.GetProperty("paths").GetProperty("/sync/{domain}/records").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "domain");
        Assert.Equal(["account", "aggregated_usage", "catalog"], domain.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal));
    }

    /// <summary>The document indented the same way every time, with a final newline.</summary>
    private static string Normalise(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
