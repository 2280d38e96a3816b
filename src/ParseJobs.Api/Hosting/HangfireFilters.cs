using Hangfire;
using Hangfire.Common;

namespace ParseJobs.Api.Hosting;

/// <summary>
/// The job filters of this host's Hangfire client and servers: Hangfire's global defaults without the three that cost
/// database statements on every job and that nothing here uses. <c>CaptureCulture</c> stored two job parameters per
/// job and read them back before each run (no request culture is set, so the worker's culture is the process's
/// anyway); <c>StatisticsHistory</c> wrote two expiring counters per job for the dashboard's history graph (the
/// succeeded and failed totals stay); <c>ContinuationsSupport</c> read a parameter on every state change for
/// continuations, which no job uses. Registered before <c>AddHangfire</c>, which then keeps it instead of the
/// static <c>JobFilterProviders.Providers</c>; attribute filters (retries, concurrency) apply as before.
/// </summary>
public static class HangfireFilters
{
    public static IJobFilterProvider Create()
    {
        var global = new JobFilterCollection { new AutomaticRetryAttribute() };
        return new JobFilterProviderCollection(global, new JobFilterAttributeFilterProvider());
    }
}
