using Microsoft.Extensions.Configuration;
using Aria.Billing;
using Aria.Billing.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds job schedules and runs to <c>AddAriaBilling()</c>.</summary>
public static class JobsBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="JobScheduleRegistry"/> and the <see cref="JobRunner"/> over an <see cref="IJobRunStore"/> (in
    /// memory unless a storage provider or the app registers one), an <see cref="IJobScheduleStore"/> (likewise), with
    /// validated <see cref="JobRunnerOptions"/> and the
    /// handlers added with <see cref="AddJobHandler{THandler}"/>. Calling it again registers nothing twice.
    /// </summary>
    public static IAriaBillingBuilder AddJobs(this IAriaBillingBuilder builder, Action<JobRunnerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(JobsMarker)))
        {
            return builder;
        }

        services.AddSingleton<JobsMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(JobRunnerOptions.Rules.Validator()));
        services.AddOptions<JobRunnerOptions>().ValidateOnStart();
        services.TryAddSingleton<IJobRunStore, InMemoryJobRunStore>();
        services.TryAddSingleton<IJobScheduleStore, InMemoryJobScheduleStore>();
        services.TryAddSingleton(sp => new JobScheduleRegistry(
            sp.GetRequiredService<IJobScheduleStore>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<IDateTimeZoneProvider>(),
            sp.GetRequiredService<ClientTimeZones>(), sp.GetRequiredService<IOptions<JobRunnerOptions>>().Value));
        services.TryAddSingleton(sp => new JobRunner(
            sp.GetRequiredService<IJobRunStore>(),
            sp.GetServices<JobHandlerRegistration>().ToDictionary(r => r.JobType, r => (IJobHandler)sp.GetRequiredService(r.HandlerType), StringComparer.Ordinal),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<JobRunnerOptions>>().Value,
            sp.GetService<ILogger<JobRunner>>(),
            sp.GetService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(ScheduleDriverOptions.Rules.Validator()));
        services.AddOptions<ScheduleDriverOptions>().ValidateOnStart();
        services.TryAddSingleton(sp => new ScheduleDriver(
            sp.GetRequiredService<IJobScheduleStore>(), sp.GetRequiredService<IJobRunStore>(), sp.GetRequiredService<JobRunner>(), sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IDateTimeZoneProvider>(), sp.GetRequiredService<ClientTimeZones>(), sp.GetRequiredService<IOptions<ScheduleDriverOptions>>().Value, sp.GetService<ILogger<ScheduleDriver>>()));
        services.AddHostedService(sp => new ScheduleDriverService(
            sp.GetRequiredService<ScheduleDriver>(), sp.GetRequiredService<IOptions<ScheduleDriverOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILogger<ScheduleDriverService>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ScheduleDriverService>.Instance));
        return builder;
    }

    /// <summary>
    /// As <see cref="AddJobs(IAriaBillingBuilder, Action{JobRunnerOptions}?)"/>, binding <see cref="JobRunnerOptions"/> to a
    /// configuration section (by convention <c>AriaBilling:Jobs</c>) and <see cref="ScheduleDriverOptions"/> to its <c>Driver</c> sub-section.
    /// </summary>
    public static IAriaBillingBuilder AddJobs(this IAriaBillingBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<JobRunnerOptions>(configuration);
        builder.Services.Configure<ScheduleDriverOptions>(configuration.GetSection("Driver"));
        return builder.AddJobs();
    }

    /// <summary>Registers <typeparamref name="THandler"/> (a singleton) as the handler of <paramref name="jobType"/>.</summary>
    public static IAriaBillingBuilder AddJobHandler<THandler>(this IAriaBillingBuilder builder, string jobType)
        where THandler : class, IJobHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobType);
        builder.Services.TryAddSingleton<THandler>();
        builder.Services.AddSingleton(new JobHandlerRegistration(jobType, typeof(THandler)));
        return builder;
    }

    private sealed class JobsMarker;
}
