using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aria.Billing.Invoicing;
using Aria.Billing.ReferenceHost.Api;
using Microsoft.AspNetCore.Mvc;
using Aria.Billing.ReferenceHost.Security;
using NodaTime;

namespace Aria.Billing.ReferenceHost.Endpoints;

/// <summary>
/// The invoice ledger over HTTP (spec: release-6.50.txt, Credit Memo/Rebills and its API, DEV-6906): invoices imported from
/// the billing system of record, their creditable lines, credit memos, rebills, voids and the invoice history by
/// <c>rb_option</c>. Identifiers in the path are read by the host, so a malformed one is a coded 400, never a bare 404; a
/// body that is missing, malformed or of the wrong types is 400 INVALID_REQUEST.
/// </summary>
public static class InvoiceEndpoints
{
    /// <summary>The most lines an invoice, a credit memo or a rebill may name.</summary>
    public const int MaxLines = 1000;

    /// <summary>Amounts, units and rates are accepted below this magnitude.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The header that may carry a credit memo's idempotency key instead of the body.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";


    /// <summary>Maps <c>/invoicing/…</c>.</summary>
    public static void MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var invoicing = app.MapGroup("/invoicing").WithTags("Invoicing");
        invoicing.MapPut("/invoices/{invoice_no}", ImportAsync).RequireAccess(HostModule.Invoicing, HostAccess.Create)
            .WithName("ImportInvoice").WithSummary("Import an invoice of the billing system of record, or refresh the facts it owns (idempotent).")
            .Produces<InvoiceDto>(StatusCodes.Status200OK).Produces<InvoiceDto>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status409Conflict);
        invoicing.MapGet("/invoices/{invoice_no}", GetAsync).RequireAccess(HostModule.Invoicing, HostAccess.Read)
            .WithName("GetInvoice").WithSummary("An invoice with its rebill fields (get_invoice_details_m).")
            .Produces<InvoiceDto>().ProducesErrors(StatusCodes.Status404NotFound);
        invoicing.MapGet("/accounts/{account_no}/invoices", HistoryAsync).RequireAccess(HostModule.Invoicing, HostAccess.Read)
            .WithName("ListInvoiceHistory").WithSummary("An account's invoice history; rb_option 0 (all), 1 (originals only) or 2 (rebills only) (get_invoice_history_m).")
            .Produces<IReadOnlyList<InvoiceDto>>().ProducesErrors();
        invoicing.MapGet("/invoices/{invoice_no}/creditable-lines", CreditableAsync).RequireAccess(HostModule.Invoicing, HostAccess.Read)
            .WithName("ListCreditableLines").WithSummary("The non-tax charge lines a credit memo may credit, with the most each may take (get_invoice_cm_details_m).")
            .Produces<CreditableLinesDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        invoicing.MapPost("/invoices/{invoice_no}/credit-memos", CreateMemoAsync).RequireAccess(HostModule.Invoicing, HostAccess.Create)
            .WithName("CreateCreditMemo").WithSummary("Credit lines of an invoice (create_cm_m); an idempotency key makes a repeat return the first memo.")
            .Produces<CreditMemoReceiptDto>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        invoicing.MapGet("/invoices/{invoice_no}/credit-memos", MemosAsync).RequireAccess(HostModule.Invoicing, HostAccess.Read)
            .WithName("ListCreditMemos").WithSummary("The credit memos of an invoice, voided ones included.")
            .Produces<IReadOnlyList<CreditMemoDto>>().ProducesErrors(StatusCodes.Status404NotFound);
        invoicing.MapGet("/credit-memos/{credit_memo_no}", MemoAsync).RequireAccess(HostModule.Invoicing, HostAccess.Read)
            .WithName("GetCreditMemo").WithSummary("A credit memo (get_cm_details_m).")
            .Produces<CreditMemoDto>().ProducesErrors(StatusCodes.Status404NotFound);
        invoicing.MapPost("/credit-memos/{credit_memo_no}/void", VoidMemoAsync).RequireAccess(HostModule.Invoicing, HostAccess.Delete)
            .WithName("VoidCreditMemo").WithSummary("Void a credit memo (void_credit_memo_m); its invoice takes back what it credited (event 949).")
            .Produces<CreditMemoReceiptDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        invoicing.MapPost("/invoices/{invoice_no}/void", VoidInvoiceAsync).RequireAccess(HostModule.Invoicing, HostAccess.Delete)
            .WithName("VoidInvoice").WithSummary("Void an invoice (void_invoice_m); refused while a credit memo on it is not voided.")
            .Produces<VoidedInvoiceDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        invoicing.MapPost("/invoices/{invoice_no}/rebills", RebillAsync).RequireAccess(HostModule.Invoicing, HostAccess.Create)
            .WithName("RebillInvoice").WithSummary("Rebill an invoice (gen_rb_m): the rebill and the credit memo for the difference, saved together.")
            .Produces<RebillReceiptDto>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, ImportInvoiceDto body, InvoiceLedger ledger, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        var invoice = ParseInvoice(Caller.Of(http).Client, invoiceNo, body, input);
        if (invoice is null || !input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var imported = await ledger.ImportAsync(invoice, cancellationToken);
        if (imported.IsFailure)
        {
            return ApiErrors.Result(imported.Errors);
        }

        var dto = InvoiceDto.From(imported.Value);
        return imported.Value.Version == 1 ? Results.Created($"/invoicing/invoices/{invoiceNo}", dto) : Results.Ok(dto);
    }

    private static async Task<IResult> GetAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, InvoiceLedger ledger, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        return input.Valid
            ? ApiErrors.Ok(await ledger.GetAsync(Caller.Of(http).Client, invoiceNo, cancellationToken), InvoiceDto.From)
            : ApiErrors.Result(input.Errors);
    }

    private static async Task<IResult> HistoryAsync(HttpContext http, [FromRoute(Name = "account_no")] string accountNo, [FromQuery(Name = "rb_option")] string? rbOption, InvoiceLedger ledger, CancellationToken cancellationToken)
    {
        var input = new Input();
        var account = input.Number(accountNo, "account_no");
        var option = RebillOptionOf(rbOption, input);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var invoices = await ledger.HistoryAsync(Caller.Of(http).Client, new AccountNumber(account), option, cancellationToken);
        return Results.Ok(invoices.Select(InvoiceDto.From));
    }

    private static async Task<IResult> CreditableAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, CreditMemoService memos, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        // An eligible invoice has at least one creditable line, so the currency comes with the lines (no second read).
        return ApiErrors.Ok(await memos.GetCreditableLinesAsync(Caller.Of(http).Client, invoiceNo, cancellationToken), lines => new CreditableLinesDto(
            invoiceNo, lines[0].Maximum.Currency.Code, [.. lines.Select(static l => new CreditableLineDto(InvoiceLineDto.From(l.Line), l.Maximum.Amount))]));
    }

    private static async Task<IResult> CreateMemoAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, CreateCreditMemoDto body, CreditMemoService memos, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        var key = IdempotencyKey(body.IdempotencyKey, http.Request.Headers[IdempotencyKeyHeader].FirstOrDefault(), input);
        var reason = Limited(body.ReasonCode, "reason_code", 100, input);
        var comment = Limited(body.Comments, "comments", 2000, input);
        var lines = new List<CreditMemoLineRequest>();
        foreach (var (item, name) in Items(body.LineItems, "line_items", input))
        {
            var lineNo = item.LineNo ?? input.Missing($"{name}.line_no", 0);
            var amount = Amount(item.LineAmount, $"{name}.line_amount", input, required: true) ?? 0m;
            lines.Add(new CreditMemoLineRequest(lineNo, amount, Limited(item.Comments, $"{name}.comments", 2000, input)));
        }

        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        var made = await memos.CreateAsync(new CreditMemoRequest
        {
            Id = key, Client = caller.Client, InvoiceNo = invoiceNo, ReasonCode = reason, Comment = comment, Lines = lines, RequestedBy = Actor(caller),
        }, cancellationToken);
        if (made.IsFailure)
        {
            return ApiErrors.Result(made.Errors);
        }

        return Results.Created($"/invoicing/credit-memos/{Uri.EscapeDataString(made.Value.Memo.Number)}", CreditMemoReceiptDto.From(made.Value));
    }

    private static async Task<IResult> MemosAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, CreditMemoService memos, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        return ApiErrors.Ok(await memos.ListAsync(Caller.Of(http).Client, invoiceNo, cancellationToken), list => list.Select(CreditMemoDto.From));
    }

    private static async Task<IResult> MemoAsync(HttpContext http, [FromRoute(Name = "credit_memo_no")] string creditMemoNo, CreditMemoService memos, CancellationToken cancellationToken)
    {
        var input = new Input();
        var number = input.Text(creditMemoNo, "credit_memo_no", 100);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        return ApiErrors.Ok(await memos.GetAsync(Caller.Of(http).Client, number, cancellationToken), CreditMemoDto.From);
    }

    private static async Task<IResult> VoidMemoAsync(HttpContext http, [FromRoute(Name = "credit_memo_no")] string creditMemoNo, CreditMemoService memos, CancellationToken cancellationToken)
    {
        var input = new Input();
        var number = input.Text(creditMemoNo, "credit_memo_no", 100);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        return ApiErrors.Ok(await memos.VoidAsync(caller.Client, number, Actor(caller), cancellationToken), CreditMemoReceiptDto.From);
    }

    private static async Task<IResult> VoidInvoiceAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, InvoiceLedger ledger, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        return ApiErrors.Ok(await ledger.VoidAsync(caller.Client, invoiceNo, Actor(caller), cancellationToken), VoidedInvoiceDto.From);
    }

    private static async Task<IResult> RebillAsync(HttpContext http, [FromRoute(Name = "invoice_no")] string invoiceNumber, RebillDto body, RebillService rebills, CancellationToken cancellationToken)
    {
        var input = new Input();
        var invoiceNo = input.Number(invoiceNumber, "invoice_no");
        var reason = Limited(body.ReasonCode, "reason_code", 100, input);
        var comment = Limited(body.Comments, "comments", 2000, input);
        var rebillNo = input.Positive(body.RebillInvoiceNo, "rebill_invoice_no");
        var recipient = Limited(body.Recipient, "recipient", 320, input);
        var lines = new List<RebillLineRequest>();
        foreach (var (item, name) in Items(body.LineItems, "line_items", input))
        {
            ServiceChange? service = null;
            if (input.Positive(item.ServiceNo, $"{name}.service_no") is { } serviceNo)
            {
                var type = string.IsNullOrWhiteSpace(item.ServiceChargeType)
                    ? input.Missing($"{name}.service_charge_type", ChargeType.Recurring)
                    : input.Choice(item.ServiceChargeType, $"{name}.service_charge_type", ChargeType.Recurring);
                service = new ServiceChange(serviceNo, type, Limited(item.ServiceName, $"{name}.service_name", 200, input));
            }

            lines.Add(new RebillLineRequest
            {
                LineNo = item.LineNo ?? input.Missing($"{name}.line_no", 0),
                Units = Amount(item.Units, $"{name}.units", input),
                Rate = Amount(item.Rate, $"{name}.rate", input),
                Service = service,
                Exclude = item.Exclude ?? false,
                PurchaseOrder = Limited(item.PurchaseOrder, $"{name}.purchase_order", 100, input),
                Comment = Limited(item.Comments, $"{name}.comments", 2000, input),
            });
        }

        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        var made = await rebills.RebillAsync(new RebillRequest
        {
            Client = caller.Client, InvoiceNo = invoiceNo, ReasonCode = reason, Comment = comment, Lines = lines, RebillInvoiceNo = rebillNo,
            Recipient = recipient, RequestedBy = Actor(caller),
        }, cancellationToken);
        return made.IsSuccess
            ? Results.Created($"/invoicing/invoices/{made.Value.Rebill.InvoiceNo}", RebillReceiptDto.From(made.Value))
            : ApiErrors.Result(made.Errors);
    }

    /// <summary>The invoice a body describes, or null with the reasons in <paramref name="input"/>.</summary>
    private static Invoice? ParseInvoice(ClientNumber client, long invoiceNo, ImportInvoiceDto body, Input input)
    {
        var account = input.Positive(body.AccountNo, "account_no", required: true);
        Currency? currency = null;
        if (string.IsNullOrWhiteSpace(body.Currency))
        {
            input.Missing("currency", 0);
        }
        else if (Currency.TryFromCode(body.Currency, out var c))
        {
            currency = c;
        }
        else
        {
            input.Add(ApiErrors.InvalidValue, $"currency '{Clip(body.Currency)}' is not an ISO 4217 code.", "currency");
        }

        var billDate = Day(body.BillDate, "bill_date", input, required: true);
        var invoiceDate = Day(body.InvoiceDate, "invoice_date", input);
        var dueDate = Day(body.DueDate, "due_date", input);
        var periodStart = Day(body.PeriodStart, "period_start", input, required: true);
        var periodEnd = Day(body.PeriodEnd, "period_end", input, required: true);
        var billingGroup = Limited(Blank(body.BillingGroup), "billing_group", 100, input);
        var paymentMethod = Limited(Blank(body.PaymentMethod), "payment_method", 100, input);
        var state = input.Choice(body.State, "state", InvoiceState.Posted);
        var disputed = Amount(body.DisputedAmount, "disputed_amount", input) ?? 0m;
        var instances = new List<PlanInstanceNumber>();
        if (body.MasterPlanInstances is { Count: > MaxLines })
        {
            input.Add(ApiErrors.InvalidValue, $"master_plan_instances should have at most {MaxLines} entries.", "master_plan_instances");
        }
        else
        {
            for (var i = 0; i < (body.MasterPlanInstances?.Count ?? 0); i++)
            {
                if (input.Positive(body.MasterPlanInstances![i], $"master_plan_instances[{i}]", required: true) is { } instance)
                {
                    instances.Add(new PlanInstanceNumber(instance));
                }
            }
        }

        var money = currency ?? Currency.USD; // only used when every input is good
        var lines = new List<InvoiceLine>();
        foreach (var (item, name) in Items(body.Lines, "lines", input, "Missing input: lines is required; an invoice has at least one line."))
        {
            var amount = Amount(item.Amount, $"{name}.amount", input, required: true) ?? 0m;
            var taxRate = Amount(item.TaxRate, $"{name}.tax_rate", input) ?? 0m;
            if (taxRate is < 0m or > 1m)
            {
                input.Add(ApiErrors.InvalidValue, $"{name}.tax_rate should be from 0 to 1 (0.08 for 8 %).", $"{name}.tax_rate");
            }

            lines.Add(new InvoiceLine
            {
                LineNo = item.LineNo ?? input.Missing($"{name}.line_no", 0),
                Kind = input.Choice(item.Kind, $"{name}.kind", InvoiceLineKind.Charge),
                ChargeType = input.Choice(item.ChargeType, $"{name}.charge_type", ChargeType.Recurring),
                ServiceNo = item.ServiceNo is null or 0 ? 0 : input.Positive(item.ServiceNo, $"{name}.service_no") ?? 0,
                ServiceName = Limited(item.ServiceName, $"{name}.service_name", 200, input),
                PlanInstance = input.Positive(item.PlanInstanceNo, $"{name}.plan_instance_no") is { } p ? new PlanInstanceNumber(p) : null,
                Units = Amount(item.Units, $"{name}.units", input) ?? 1m,
                Rate = Amount(item.Rate, $"{name}.rate", input) ?? amount,
                Amount = Money.Of(amount, money),
                TaxRate = taxRate,
                TaxedLineNo = item.TaxedLineNo,
                PaymentsApplied = Money.Of(Amount(item.PaymentsApplied, $"{name}.payments_applied", input) ?? 0m, money),
                CreditsApplied = Money.Of(Amount(item.CreditsApplied, $"{name}.credits_applied", input) ?? 0m, money),
                PurchaseOrder = Limited(item.PurchaseOrder, $"{name}.purchase_order", 100, input),
            });
        }

        if (!input.Valid || currency is null || account is null || billDate is null || periodStart is null || periodEnd is null)
        {
            return null;
        }

        return new Invoice
        {
            Client = client, Account = new AccountNumber(account.Value), InvoiceNo = invoiceNo, Currency = money, BillDate = billDate.Value,
            InvoiceDate = invoiceDate, DueDate = dueDate, PeriodStart = periodStart.Value, PeriodEnd = periodEnd.Value, BillingGroup = billingGroup,
            MasterPlanInstances = instances, State = state, DisputedAmount = disputed, HasRefundReversal = body.HasRefundReversal ?? false,
            IsParentPayChild = body.IsParentPayChild ?? false, PaymentMethod = paymentMethod, Lines = lines,
        };
    }

    /// <summary>
    /// The entries of a list in a body, each with its name for errors: a null entry is 1010, more than
    /// <see cref="MaxLines"/> INVALID_VALUE; a missing or empty list is 1010 with <paramref name="requiredMessage"/> when
    /// given, else passed on as empty (the rules refuse it themselves, with their own code, when they need entries).
    /// </summary>
    private static List<(T Item, string Name)> Items<T>(IReadOnlyList<T?>? items, string name, Input input, string? requiredMessage = null)
        where T : class
    {
        if (items is null or { Count: 0 })
        {
            if (requiredMessage is not null)
            {
                input.Add(AriaErrorCodes.MissingRequiredParameter, requiredMessage, name);
            }

            return [];
        }

        if (items.Count > MaxLines)
        {
            input.Add(ApiErrors.InvalidValue, $"{name} should have at most {MaxLines} entries; it has {items.Count}.", name);
            return [];
        }

        var found = new List<(T, string)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                found.Add((item, $"{name}[{i}]"));
            }
            else
            {
                input.Missing($"{name}[{i}]", 0);
            }
        }

        return found;
    }

    /// <summary>An amount, units or rate: absent is null (1010 when <paramref name="required"/>), at or beyond <see cref="MaxAmount"/> INVALID_VALUE.</summary>
    private static decimal? Amount(decimal? value, string name, Input input, bool required = false)
    {
        if (value is null)
        {
            return required ? input.Missing<decimal?>(name, null) : null;
        }

        if (Math.Abs(value.Value) >= MaxAmount)
        {
            input.Add(ApiErrors.InvalidValue, $"{name} should be below {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} in magnitude.", name);
            return null;
        }

        return value;
    }

    /// <summary>A date (yyyy-MM-dd) among the business dates (<see cref="BusinessDates"/>): malformed or outside them is 1024.</summary>
    private static LocalDate? Day(string? text, string name, Input input, bool required = false) => input.OptionalDate(text, name, required);

    /// <summary>A text passed on as given (the rules say when it is required), or INVALID_VALUE when longer than <paramref name="max"/> or holding NUL.</summary>
    private static string? Limited(string? text, string name, int max, Input input)
    {
        if (text is null || (text.Length <= max && !text.Contains('\0', StringComparison.Ordinal)))
        {
            return text;
        }

        input.Add(ApiErrors.InvalidValue, $"{name} should be at most {max} characters, without NUL.", name);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>
    /// A credit memo's id from its idempotency key (body or header; the same if both): a GUID is taken as it is, any other
    /// text (up to 100 characters) names the same id every time; none is a new memo.
    /// </summary>
    private static Guid? IdempotencyKey(string? fromBody, string? fromHeader, Input input)
    {
        if (fromBody is not null && fromHeader is not null && !string.Equals(fromBody, fromHeader, StringComparison.Ordinal))
        {
            input.Add(ApiErrors.InvalidValue, $"idempotency_key and the {IdempotencyKeyHeader} header differ; send one.", "idempotency_key");
            return null;
        }

        var key = fromBody ?? fromHeader;
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > 100 || string.IsNullOrWhiteSpace(key))
        {
            input.Add(ApiErrors.InvalidValue, "idempotency_key should be 1 to 100 characters.", "idempotency_key");
            return null;
        }

        return Guid.TryParse(key, out var id) ? id : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("aria-billing/credit-memo/" + key)).AsSpan(0, 16));
    }

    /// <summary><c>rb_option</c>: none, 0, 1 or 2; anything else is INVALID_RB_OPTION.</summary>
    private static RebillOption RebillOptionOf(string? text, Input input)
    {
        int? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                input.Add(InvoicingErrorCodes.InvalidRebillOption, $"rb_option is '{Clip(text)}'; it should be 0 (all invoices), 1 (originals only) or 2 (rebills only).", "rb_option");
                return RebillOption.All;
            }

            value = number;
        }

        var option = InvoiceHistory.ParseOption(value);
        if (option.IsFailure)
        {
            input.Add(option.Errors);
            return RebillOption.All;
        }

        return option.Value;
    }

    /// <summary>Who the ledger records as making a change: the key's name.</summary>
    private static string Actor(Caller caller) => string.IsNullOrWhiteSpace(caller.Name) ? $"client {caller.Client} key" : caller.Name;

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
