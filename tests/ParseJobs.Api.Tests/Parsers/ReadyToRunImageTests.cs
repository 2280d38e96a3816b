using ParseJobs.Api.Parsers;
using Xunit;

namespace ParseJobs.Api.Tests.Parsers;

public sealed class ReadyToRunImageTests
{
    [Fact]
    public void The_shared_framework_is_precompiled_and_a_built_assembly_is_not()
    {
        // The runtime's own libraries ship as ReadyToRun images; this test assembly is JIT-only IL.
        Assert.True(ReadyToRunImage.Is(typeof(object).Assembly.Location));
        Assert.False(ReadyToRunImage.Is(typeof(ReadyToRunImageTests).Assembly.Location));
        Assert.False(ReadyToRunImage.Is(Path.Combine(AppContext.BaseDirectory, "no-such-assembly.dll")));
    }

    [Fact]
    public void Children_of_a_precompiled_build_run_without_tiered_compilation()
    {
        Assert.Equal("0", ParsersSetup.ChildJit(typeof(object).Assembly.Location)["DOTNET_TieredCompilation"]);
        Assert.Empty(ParsersSetup.ChildJit(typeof(ReadyToRunImageTests).Assembly.Location));
    }
}
