using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Jobs;

public static class JobsSetup
{
    /// <summary>The job platform: the kind registry, runners, submission, dispatch, the sweeper. Kinds register themselves (AddJobKind).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<ResultOptions>().BindConfiguration(ResultOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobKinds>();
        services.AddScoped<JobDispatcher>();
        services.AddScoped<JobRunner>();
        services.AddScoped<JobSubmitter>();
        services.AddScoped<JobDeleter>();
        services.AddScoped<JobSweeper>();
        services.AddScoped<ItemChunkJob>();
        services.AddScoped<ItemJobFinisher>();
        services.AddSingleton<JobProgressWriter>();
        services.AddSingleton<JobEndSignals>();
        services.AddSingleton<INotificationHandler>(sp => sp.GetRequiredService<JobEndSignals>());
        return services;
    }
}
