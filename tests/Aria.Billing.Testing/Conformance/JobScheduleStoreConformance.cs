using Aria.Billing.Testing.Skipping;
using NodaTime;
using Xunit;
using Aria.Billing.Jobs;

namespace Aria.Billing.Testing.Conformance;

/// <summary>The semantics every <see cref="IJobScheduleStore"/> shares, written once against the contract.</summary>
public abstract class JobScheduleStoreConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly Instant Now = Instant.FromUtc(2025, 4, 27, 1, 0);

    /// <summary>A new, empty store.</summary>
    protected abstract IJobScheduleStore CreateStore();

    /// <summary>Save adds or replaces per client and name; list is by name; delete says whether there was one.</summary>
    [StoreFact]
    public async Task Save_Get_List_Delete()
    {
        var store = CreateStore();

        await store.SaveAsync(new StoredSchedule(Client, "daily", "{\"v\":1}", Now, "ops"));
        await store.SaveAsync(new StoredSchedule(Client, "daily", "{\"v\":2}", Now.Plus(Duration.FromMinutes(1)), "ann"));
        await store.SaveAsync(new StoredSchedule(Client, "a-month-end", "{}", Now, "ops"));
        await store.SaveAsync(new StoredSchedule(new ClientNumber(2000), "daily", "{\"other\":true}", Now, "x"));

        Assert.Equal(new StoredSchedule(Client, "daily", "{\"v\":2}", Now.Plus(Duration.FromMinutes(1)), "ann"), await store.GetAsync(Client, "daily"));
        Assert.Equal(["a-month-end", "daily"], (await store.ListAsync(Client)).Select(s => s.Name));
        Assert.Equal([(1000L, "a-month-end"), (1000L, "daily"), (2000L, "daily")], (await store.ListAllAsync()).Select(s => (s.Client.Value, s.Name)));
        Assert.Null(await store.GetAsync(Client, "DAILY"));
        Assert.True(await store.DeleteAsync(Client, "daily"));
        Assert.False(await store.DeleteAsync(Client, "daily"));
        Assert.Null(await store.GetAsync(Client, "daily"));
        Assert.Equal("{\"other\":true}", (await store.GetAsync(new ClientNumber(2000), "daily"))!.Definition);
    }
}
