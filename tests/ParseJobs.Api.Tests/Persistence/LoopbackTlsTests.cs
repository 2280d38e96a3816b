using Npgsql;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Tests.Persistence;

/// <summary>TLS to a database on this machine is off unless the connection string asks for it; other hosts and
/// explicit modes are left alone.</summary>
public sealed class LoopbackTlsTests
{
    [Theory]
    [InlineData("Host=localhost;Port=5432;Database=p;Username=u;Password=x")]
    [InlineData("Host=127.0.0.1;Database=p")]
    [InlineData("Host=::1;Database=p")]
    [InlineData("Host=/var/run/postgresql;Database=p")]
    public void Loopback_WithoutSslMode_DisablesTls(string connectionString) =>
        Assert.Equal(SslMode.Disable, new NpgsqlConnectionStringBuilder(LoopbackTls.Apply(connectionString)).SslMode);

    [Theory]
    [InlineData("Host=db.internal;Database=p")]
    [InlineData("Host=localhost,db.internal;Database=p")]
    [InlineData("Host=localhost;Database=p;SSL Mode=Require")]
    [InlineData("Host=localhost;Database=p;sslmode=prefer")]
    [InlineData("Host=localhost;Database=p;SslMode=VerifyFull")]
    public void OtherHostOrExplicitMode_IsLeftAsItIs(string connectionString) =>
        Assert.Equal(connectionString, LoopbackTls.Apply(connectionString));
}
