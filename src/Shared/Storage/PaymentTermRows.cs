using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aria.Billing.Storage;

using C = PaymentTermColumn;

/// <summary>How a <see cref="PaymentTerm"/> maps to a row; its reminder rows are one JSON column (at most three, read and written whole).</summary>
internal static class PaymentTermRows
{
    /// <summary>Every column, in the order <see cref="Read"/> expects and the insert binds.</summary>
    internal static readonly string Columns = SqlCommands.ColumnList<PaymentTermColumn>();

    /// <summary>The terms in the current row.</summary>
    internal static PaymentTerm Read(DbDataReader r) => new()
    {
        Client = new ClientNumber(r.GetInt64((int)C.Client)),
        Number = r.GetInt64((int)C.TermNo),
        Name = r.GetString((int)C.Name),
        ClientId = r.GetString((int)C.ClientId),
        Type = (PaymentTermsType)r.GetInt32((int)C.TermsType),
        DaysUntilDue = r.GetInt32((int)C.DaysUntilDue),
        DaysUntilDueMethod = (DaysUntilDueMethod)r.GetInt32((int)C.DaysUntilDueMethod),
        BillLagDays = r.IsDBNull((int)C.BillLagDays) ? null : r.GetInt32((int)C.BillLagDays),
        SurchargeNo = r.GetInt64OrNull((int)C.SurchargeNo),
        AutoBillOrders = r.GetInt32((int)C.AutoBillOrders) != 0,
        Reminders = r.GetInt32((int)C.RemindersEnabled) == 0
            ? PaymentReminderSettings.Disabled
            : new PaymentReminderSettings
            {
                Enabled = true,
                ActiveAccountsOnly = r.GetInt32((int)C.RemindersActiveOnly) != 0,
                Rows = ReadRows(r.GetString((int)C.ReminderRows)),
            },
        EverAssigned = r.GetInt32((int)C.EverAssigned) != 0,
        Version = r.GetInt64((int)C.Version),
    };

    /// <summary>Binds every column of <paramref name="t"/> (the number, flag and version as given).</summary>
    internal static DbCommand WithTerm(this DbCommand command, PaymentTerm t) => command
        .With("client", t.Client.Value)
        .With("term_no", t.Number)
        .With("name", t.Name)
        .With("client_id", t.ClientId)
        .With("terms_type", (int)t.Type)
        .With("days_until_due", t.DaysUntilDue)
        .With("days_until_due_method", (int)t.DaysUntilDueMethod)
        .With("bill_lag_days", t.BillLagDays)
        .With("surcharge_no", t.SurchargeNo)
        .With("auto_bill_orders", t.AutoBillOrders ? 1 : 0)
        .With("reminders_enabled", t.Reminders.Enabled ? 1 : 0)
        .With("reminders_active_only", t.Reminders.ActiveAccountsOnly ? 1 : 0)
        .With("reminder_rows", WriteRows(t.Reminders.Rows))
        .With("ever_assigned", t.EverAssigned ? 1 : 0)
        .With("version", t.Version);

    private static string WriteRows(IReadOnlyList<PaymentReminderRow> rows) =>
        rows.Count == 0
            ? StorageJson.EmptyArray
            : JsonSerializer.Serialize(
                rows.Select(r => new ReminderRow(r.ReminderNo, r.DaysUntilNotification, r.Template, (int)r.Recipients)).ToArray(),
                PaymentTermJsonContext.Default.ReminderRowArray);

    private static PaymentReminderRow[] ReadRows(string json) =>
        json == StorageJson.EmptyArray
            ? []
            : [.. (JsonSerializer.Deserialize(json, PaymentTermJsonContext.Default.ReminderRowArray) ?? [])
                .Select(r => new PaymentReminderRow { ReminderNo = r.No, DaysUntilNotification = r.Days, Template = r.Template, Recipients = (ReminderRecipients)r.Recipients })];

    /// <summary>One reminder row as stored.</summary>
    internal sealed record ReminderRow(int No, int Days, string? Template, int Recipients);
}

/// <summary>The source-generated serialiser of the reminder rows of <c>payment_term</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PaymentTermRows.ReminderRow[]))]
internal sealed partial class PaymentTermJsonContext : JsonSerializerContext;
