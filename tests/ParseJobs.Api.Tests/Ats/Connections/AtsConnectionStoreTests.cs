using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Ats.Connections;

/// <summary>The encrypted connection store against the real database and key ring.</summary>
[Collection(ApiCollection.Name)]
public sealed class AtsConnectionStoreTests(ParseJobsAppFactory app)
{
    private const string Token = "store-token-5b7c9d1e3f";
    private static readonly Uri BaseUrl = new("https://acme-store.hr4you.example/api/");

    [Fact]
    public async Task Set_RoundTrips_AndTheStoredRowHoldsNeitherTokenNorUrlInClear()
    {
        var organisationId = await NewOrganisationAsync();

        var state = await WithStoreAsync(s => s.SetHr4YouAsync(organisationId, new Hr4YouConnection(BaseUrl, Token), CancellationToken.None));
        var read = await WithStoreAsync(s => s.GetHr4YouAsync(organisationId, CancellationToken.None));

        Assert.True(state.Created);
        Assert.Equal(new Hr4YouConnection(BaseUrl, Token), read);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
        var row = await db.AtsConnections.AsNoTracking().SingleAsync(c => c.OrganisationId == organisationId);
        Assert.Equal(AtsSystems.Hr4You, row.System);
        Assert.DoesNotContain(Token, row.ProtectedSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("hr4you.example", row.ProtectedSettings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_ReplacesTheConnection_KeepingItsCreationTime()
    {
        var organisationId = await NewOrganisationAsync();
        var first = await WithStoreAsync(s => s.SetHr4YouAsync(organisationId, new Hr4YouConnection(BaseUrl, Token), CancellationToken.None));

        var second = await WithStoreAsync(s => s.SetHr4YouAsync(organisationId, new Hr4YouConnection(new Uri("https://new.hr4you.example/"), "new-token"), CancellationToken.None));
        var read = await WithStoreAsync(s => s.GetHr4YouAsync(organisationId, CancellationToken.None));
        var listed = await WithStoreAsync(s => s.ListAsync(organisationId, CancellationToken.None));

        Assert.False(second.Created);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.True(second.UpdatedAt >= first.UpdatedAt);
        Assert.Equal(new Hr4YouConnection(new Uri("https://new.hr4you.example/"), "new-token"), read);
        Assert.Equal(AtsSystems.Hr4You, Assert.Single(listed).System);
    }

    [Fact]
    public async Task Remove_DeletesOnlyThatOrganisationsConnection()
    {
        var organisationId = await NewOrganisationAsync();
        var otherId = await NewOrganisationAsync();
        await WithStoreAsync(s => s.SetHr4YouAsync(organisationId, new Hr4YouConnection(BaseUrl, Token), CancellationToken.None));
        await WithStoreAsync(s => s.SetHr4YouAsync(otherId, new Hr4YouConnection(BaseUrl, Token), CancellationToken.None));

        var removed = await WithStoreAsync(s => s.RemoveAsync(organisationId, AtsSystems.Hr4You, CancellationToken.None));
        var again = await WithStoreAsync(s => s.RemoveAsync(organisationId, AtsSystems.Hr4You, CancellationToken.None));

        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await WithStoreAsync(s => s.GetHr4YouAsync(organisationId, CancellationToken.None)));
        Assert.NotNull(await WithStoreAsync(s => s.GetHr4YouAsync(otherId, CancellationToken.None)));
    }

    private async Task<Guid> NewOrganisationAsync() =>
        (await app.CreateKeyAsync($"store-{Guid.NewGuid():N}"[..20], Scopes.Admin)).OrganisationId!.Value;

    private async Task<T> WithStoreAsync<T>(Func<AtsConnectionStore, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AtsConnectionStore>());
    }
}
