using Aria.Billing.ReferenceHost.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// The host's OpenAPI document as a contract (issue #18): a title and description, the key headers as a declared security
/// scheme applied to every operation, tags with descriptions, every error response as the one problem-details shape
/// (<see cref="ApiErrors.ErrorBody"/>, with 413 on operations that take a body and <c>Retry-After</c> on 429), and integers
/// documented as integers. The document is checked in (<c>openapi/v1.json</c>), linted by CI with Redocly's recommended
/// rules, and a Kiota client is generated from it (<c>.ci/openapi.sh</c>).
/// </summary>
public static class OpenApiContract
{
    /// <summary>The security scheme of the client number header.</summary>
    public const string ClientScheme = "AriaClientNo";

    /// <summary>The security scheme of the key header.</summary>
    public const string KeyScheme = "AriaAuthKey";

    /// <summary>The header naming the client.</summary>
    public const string ClientHeader = "X-Aria-Client-No";

    /// <summary>The header carrying the key.</summary>
    public const string KeyHeader = "X-Aria-Auth-Key";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Sync", "The sync activity logs (account, catalog, aggregated usage): search, the three-level reprocess summary, reprocess and discard by scope, the aggregated-usage batches (billing-sync-reprocess.txt)."),
        ("Plans", "The plan-change queue, proration and invoice-plan previews, and the replace-plan validation (replace-acct-plan-m.txt, release-6.50.txt)."),
        ("Jobs", "Job schedules with exception windows, runs, work items, reset and reprocess, and the batch process audit log (job-schedule-management.txt, batch-process-audit-log.txt)."),
        ("Invoicing", "The invoice ledger: invoices imported from the billing system of record, credit memos, voids and rebills (release-6.50.txt)."),
    ];

    /// <summary>Adds the OpenAPI document <c>v1</c> with the transformers of the contract.</summary>
    public static IServiceCollection AddHostOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer((schema, context, cancellationToken) =>
            {
                Canonical(schema, context.JsonTypeInfo.Type);
                TimeFormat(schema, context.JsonPropertyInfo?.Name ?? context.ParameterDescription?.Name, context.JsonPropertyInfo?.DeclaringType);
                TextChoices(schema, context.JsonPropertyInfo, context.ParameterDescription?.Name);
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// Documents the canonical JSON of a value: an integer or a number is written as one (the host also reads one written as a
    /// string, as System.Text.Json's web defaults do, but a client should not), a decimal has the format <c>decimal</c>, and an
    /// enumeration is a string.
    /// </summary>
    private static void Canonical(OpenApiSchema schema, Type type)
    {
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String) && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal))
        {
            schema.Format = "decimal"; // money and units: a generated client reads them as decimal, not double
        }

        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            // A nullable enumeration is referenced as oneOf [null, the enumeration]: the enumeration itself lists strings only.
            schema.Enum = [.. schema.Enum.Where(e => e is not null)];
            schema.Type = JsonSchemaType.String;
        }
    }

    /// <summary>The host's business dates (<c>yyyy-MM-dd</c>) by JSON property or query parameter name.</summary>
    private static readonly HashSet<string> DateNames =
    [
        "alt_proration_start_date", "as_of", "bill_date", "due_date", "effective_date", "first_uninvoiced_period_start", "invoice_date",
        "period_start", "period_end", "run_date", "span_start", "after", "from", "to", "today", "start_date", "end_date",
    ];

    /// <summary>The host's instants (ISO 8601 with <c>Z</c> or an offset) by JSON property or parameter name.</summary>
    private static readonly HashSet<string> InstantNames =
    [
        "closed_at", "created_at", "event_time", "finished_at", "queued_at", "recorded_at", "requested_at", "started_at", "starts_at", "voided_at",
        "at", "batch_id", "start", "end",
    ];

    /// <summary>
    /// Documents the text of a date (<c>format: date</c>, yyyy-MM-dd) or an instant (<c>format: date-time</c>, ISO 8601 with an
    /// offset) the host reads or writes as a string, by its name. The replace-plan request keeps the spec's own field formats.
    /// </summary>
    private static void TimeFormat(OpenApiSchema schema, string? name, Type? declaringType)
    {
        if (name is null || declaringType == typeof(Aria.Billing.Plans.ReplacePlanRequest) || schema.Type is not { } t || !t.HasFlag(JsonSchemaType.String) || schema.Format is not null)
        {
            return;
        }

        if (DateNames.Contains(name) && declaringType != typeof(NoticeDto))
        {
            schema.Format = "date";
        }
        else if (InstantNames.Contains(name))
        {
            schema.Format = "date-time";
        }
    }

    /// <summary>
    /// The enumerations the host reads from text (parsed by <see cref="Input.Choice{T}"/>, so a bad value is a coded 400
    /// INVALID_VALUE rather than a binding failure): request fields by (DTO, JSON name), and parameters by name and path.
    /// </summary>
    private static readonly Dictionary<(Type?, string), string[]> Choices = new()
    {
        [(typeof(QueueChangeDto), "plan_kind")] = Names<Aria.Billing.Plans.PlanKind>(),
        [(typeof(QueueChangeDto), "kind")] = Names<Aria.Billing.Plans.Queue.PlanChangeKind>(),
        [(typeof(QueueChangeDto), "timing")] = Names<Aria.Billing.Plans.Queue.PlanChangeTiming>(),
        [(typeof(QueueChangeDto), "new_status")] = Names<Aria.Billing.Plans.Queue.PlanInstanceStatus>(),
        [(typeof(ProrationPreviewDto), "policy")] = Names<Aria.Billing.Plans.ProrationPolicy>(),
        [(typeof(ImportInvoiceDto), "state")] = Names<Aria.Billing.Invoicing.InvoiceState>(),
        [(typeof(ImportInvoiceLineDto), "kind")] = Names<Aria.Billing.Invoicing.InvoiceLineKind>(),
        [(typeof(ImportInvoiceLineDto), "charge_type")] = Names<Aria.Billing.Invoicing.ChargeType>(),
        [(typeof(RebillLineItemDto), "service_charge_type")] = Names<Aria.Billing.Invoicing.ChargeType>(),
        [(typeof(ScopeDto), "level")] = ["all", "summary", "error_summary", "record", "batch", "batch_error_summary"],
        [(typeof(ScopeDto), "status")] = ["error"],
        [(typeof(BatchScopeDto), "level")] = ["batch", "error_summary"],
        [(typeof(BatchScopeDto), "status")] = ["error"],
        [(null, "domain")] = Names<Aria.Billing.Sync.SyncDomain>(),
        [(null, "sort")] = Names<Aria.Billing.Sync.SyncSortField>(),
    };

    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName)];

    /// <summary>Documents the values of a text the host reads as an enumeration (see <see cref="Choices"/>).</summary>
    private static void TextChoices(OpenApiSchema schema, System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property, string? parameter)
    {
        if (schema.Type is not { } t || !t.HasFlag(JsonSchemaType.String) || schema.Enum is { Count: > 0 })
        {
            return;
        }

        var values = property is not null ? Choices.GetValueOrDefault((property.DeclaringType, property.Name))
            : parameter is null ? null
            : Choices.GetValueOrDefault((null, parameter)); // a status parameter is not listed: the audit's also takes the numeric codes
        if (values is not null)
        {
            schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))];
            if (t.HasFlag(JsonSchemaType.Null))
            {
                schema.Enum.Add(null!); // an optional field may be null: the enumeration says so too
            }
        }
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Aria.Billing reference host",
            Version = "v1",
            Description = "The Aria.Billing packages over HTTP: sync reprocessing, the plan-change queue, job schedules and the invoice ledger. "
                + $"Every call names its client and key in the {ClientHeader} and {KeyHeader} headers. Every refusal is RFC 9457 problem details "
                + "(application/problem+json) whose `errors` member lists the spec's codes, messages and the inputs they are about.",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document." }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ClientScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ClientHeader, Description = "The client number (a positive whole number).",
        };
        document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = KeyHeader,
            Description = "The client's key; its role grants read, create, edit or delete per module. A missing or wrong key is 401 (code 1004).",
        };

        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ClientScheme, document)] = [],
                        [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [],
                    },
                ];
                DescribeErrors(operation);
            }
        }
    }

    /// <summary>What each error status means, on every operation; 413 beside 400 where the operation takes a body.</summary>
    private static void DescribeErrors(OpenApiOperation operation)
    {
        if (operation.Responses is not { } responses || !responses.TryGetValue("400", out var bad) || bad is not OpenApiResponse badRequest)
        {
            return;
        }

        if (operation.RequestBody is not null && !responses.ContainsKey("413"))
        {
            responses["413"] = new OpenApiResponse { Content = badRequest.Content };
        }

        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse r)
            {
                continue;
            }

            r.Description = status switch
            {
                "400" => "Bad input: the errors name each input refused, with the spec's code (1010 missing, 1024 date, INVALID_VALUE …).",
                "401" => "No client number or key, or a wrong one: code 1004.",
                "403" => "The key's role does not grant this access on the module: ACCESS_DENIED.",
                "404" => "The client has nothing with this id (the code says what is missing).",
                "409" => "The current state refuses the operation (an operation in progress, a count that changed, an invoice's state …).",
                "413" => $"The request body is larger than {RequestLimits.MaxBodyBytes} bytes: REQUEST_TOO_LARGE.",
                "429" => "Too many requests for the client (or, unauthenticated, the address): RATE_LIMITED; or, for work done in the background, the client's queue is full: BACKGROUND_QUEUE_FULL. Wait Retry-After seconds.",
                _ => r.Description,
            };
            if (status == "429")
            {
                r.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before the next request.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                };
            }
        }
    }
}
