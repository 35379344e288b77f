namespace Aria.Billing.Storage.PostgreSql.Tests;

/// <summary>The stores' connection defaults (auto-prepared statements, no reset on return to the pool) unless the user says otherwise.</summary>
public sealed class ConnectionDefaultsTests
{
    [Theory]
    [InlineData("Host=db;Username=app", 32, true)]
    [InlineData("Host=db;Username=app;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;Username=app;maxautoprepare=5;No Reset On Close=false", 5, false)]
    [InlineData("Host=db;Username=app;NoResetOnClose=False", 32, false)]
    public void Defaults_ApplyOnlyWhereTheConnectionStringIsSilent(string connectionString, int maxAutoPrepare, bool noResetOnClose)
    {
        var builder = PostgreSqlStorage.WithDefaults(connectionString);

        Assert.Equal((maxAutoPrepare, noResetOnClose), (builder.MaxAutoPrepare, builder.NoResetOnClose));
        Assert.Equal(("db", "app"), (builder.Host, builder.Username));
    }
}
