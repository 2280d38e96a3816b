using System.Text;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;

namespace ParseJobs.Api.Tests.Batches.Sources;

public sealed class CsvCandidateSourceTests
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static CsvCandidateSource Source(CsvSourceOptions? options = null) => new(Options.Create(options ?? new CsvSourceOptions()));

    private static CandidateSourceInput Input(byte[] file) => new(Guid.NewGuid(), file, "candidates.csv", null);

    private static async Task<List<SourceCandidate>> ReadAllAsync(CsvCandidateSource source, byte[] file)
    {
        Assert.Null(source.Check(Input(file)));
        var candidates = new List<SourceCandidate>();
        await foreach (var candidate in source.ReadAsync(Input(file), CancellationToken.None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    [Fact]
    public async Task Read_MapsEveryColumn_WhenUtf8WithCommas()
    {
        var file = Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\nC1,Anna Muster,Senior React developer,anna.pdf\nC2,Ben,Go and Kubernetes,\n");

        var candidates = await ReadAllAsync(Source(), file);

        Assert.Equal(2, candidates.Count);
        Assert.Equal(new SourceCandidate("anna.pdf") { CandidateId = "C1", Name = "Anna Muster", ResumeText = "Senior React developer" }, candidates[0]);
        // No filename: the candidate id is the original_filename.
        Assert.Equal("C2", candidates[1].OriginalFilename);
        Assert.Equal("Go and Kubernetes", candidates[1].ResumeText);
        Assert.Null(candidates[1].Error);
    }

    [Fact]
    public async Task Read_DropsTheBom_AndFindsTheHeader_WhenUtf8WithBom()
    {
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\r\nC1,Zoë,Entwicklerin für Java,zoe.txt\r\n")).ToArray();

        var candidates = await ReadAllAsync(Source(), file);

        var candidate = Assert.Single(candidates);
        Assert.Equal("C1", candidate.CandidateId);
        Assert.Equal("Zoë", candidate.Name);
        Assert.Equal("Entwicklerin für Java", candidate.ResumeText);
    }

    [Fact]
    public async Task Read_SplitsOnSemicolons_WhenTheHeaderHasThem()
    {
        // Commas inside the text: the header line decides the separator.
        var file = Encoding.UTF8.GetBytes("candidate_id;name;resume_text;filename\nC1;Müller, Hans;Python, SQL, Tableau;hans.docx\n");

        var candidate = Assert.Single(await ReadAllAsync(Source(), file));

        Assert.Equal("Müller, Hans", candidate.Name);
        Assert.Equal("Python, SQL, Tableau", candidate.ResumeText);
        Assert.Equal("hans.docx", candidate.OriginalFilename);
    }

    [Fact]
    public async Task Read_KeepsLineBreaksAndQuotes_WhenFieldsAreQuotedOverSeveralLines()
    {
        var text = "Jane Doe\nSkills: \"React\", TypeScript; Node\n\nExperience\n2019 - today, Acme";
        var file = Encoding.UTF8.GetBytes($"candidate_id,name,resume_text,filename\nC1,\"Doe, Jane\",\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",jane.pdf\nC2,Max,Short,max.pdf\n");

        var candidates = await ReadAllAsync(Source(), file);

        Assert.Equal(2, candidates.Count);
        Assert.Equal("Doe, Jane", candidates[0].Name);
        Assert.Equal(text, candidates[0].ResumeText);
        Assert.Equal("C2", candidates[1].CandidateId);
    }

    [Fact]
    public async Task Read_DecodesWindows1252_WhenTheFileIsNotUtf8()
    {
        var file = Windows1252.GetBytes("candidate_id;name;resume_text;filename\nC1;José Müller;Erfahrung in Zürich, Café-Kette – Führung;jose.pdf\n");
        Assert.Contains(file, b => b == 0xE9); // é as one byte: not UTF-8

        var candidate = Assert.Single(await ReadAllAsync(Source(), file));

        Assert.Equal("José Müller", candidate.Name);
        Assert.Equal("Erfahrung in Zürich, Café-Kette – Führung", candidate.ResumeText);
    }

    [Fact]
    public async Task Read_MakesACandidateWithAnError_WhenARowHasNoResumeText()
    {
        var file = Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\nC1,Anna,,anna.pdf\nC2,Ben,\"  \",\n,,,\nC3,Cem,Text,cem.txt\n");

        var candidates = await ReadAllAsync(Source(), file);

        // The all-empty row is skipped; the two without text are items with an error, never a failed batch.
        Assert.Equal(["anna.pdf", "C2", "cem.txt"], candidates.Select(c => c.OriginalFilename).ToArray());
        Assert.Contains("no resume_text", candidates[0].Error, StringComparison.Ordinal);
        Assert.Null(candidates[0].ResumeText);
        Assert.NotNull(candidates[1].Error);
        Assert.Null(candidates[2].Error);
    }

    [Fact]
    public async Task Read_MakesACandidateWithAnError_WhenAFieldIsOverItsLimit()
    {
        var source = Source(new CsvSourceOptions { MaxResumeTextKb = 1, MaxLabelChars = 16 });
        var file = Encoding.UTF8.GetBytes($"candidate_id,name,resume_text,filename\nC1,Anna,{new string('x', 1025)},a.txt\nC2,{new string('n', 17)},ok,b.txt\nC3,Cem,ok,c.txt\n");

        var candidates = await ReadAllAsync(source, file);

        Assert.Contains("Sources:Csv:MaxResumeTextKb", candidates[0].Error, StringComparison.Ordinal);
        Assert.Contains("name is longer than 16", candidates[1].Error, StringComparison.Ordinal);
        Assert.Null(candidates[2].Error);
    }

    [Fact]
    public void Check_FailsWithTheExpectedColumns_WhenAColumnIsMissing()
    {
        var file = Encoding.UTF8.GetBytes("candidate_id,name,text\nC1,Anna,React\n");

        var problem = Source().Check(Input(file));

        Assert.NotNull(problem);
        Assert.Equal("candidate_source_file", problem.Field);
        Assert.Contains("resume_text, filename", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["candidate_id", "name", "resume_text", "filename"], Assert.IsAssignableFrom<IEnumerable<string>>(problem.Expected).ToArray());
        Assert.Equal(["candidate_id", "name", "text"], Assert.IsAssignableFrom<IEnumerable<string>>(problem.Provided).ToArray());
    }

    [Fact]
    public void Check_Fails_WhenTheFirstLineIsDataNotAHeader()
    {
        var file = Encoding.UTF8.GetBytes("C1,Anna,React developer,anna.pdf\nC2,Ben,Go,ben.pdf\n");

        var problem = Source().Check(Input(file));

        Assert.NotNull(problem);
        Assert.Contains("header", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MatchesHeaderNames_IgnoringCaseAndSpaces()
    {
        var file = Encoding.UTF8.GetBytes("Candidate_ID , Name,RESUME_TEXT,FileName,extra\nC1,Anna,React,a.pdf,x\n");

        Assert.Null(Source().Check(Input(file)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Check_Fails_WhenTheFileIsEmpty(string content)
    {
        var problem = Source().Check(Input(Encoding.UTF8.GetBytes(content)));

        Assert.NotNull(problem);
    }

    [Fact]
    public void Check_Fails_WhenThereIsNoFile()
    {
        var problem = Source().Check(new CandidateSourceInput(Guid.NewGuid(), null, null, null));

        Assert.Equal("candidate_source_file", problem?.Field);
    }

    [Fact]
    public void Check_Fails_WhenTheFileIsOverTheSizeLimit()
    {
        var file = Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\n" + string.Concat(Enumerable.Repeat($"C1,Anna,{new string('x', 1000)},a.pdf\n", 1100)));

        var problem = Source(new CsvSourceOptions { MaxFileSizeMb = 1 }).Check(Input(file));

        Assert.Contains("Sources:Csv:MaxFileSizeMb", problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountAndCheck_StopPastMaxRows_AndReadFailsThere()
    {
        var source = Source(new CsvSourceOptions { MaxRows = 3 });
        var within = Rows(3);
        var over = Rows(10);

        Assert.Equal(3, source.CountCandidates(within));
        Assert.Null(source.Check(Input(within)));
        Assert.Equal(4, source.CountCandidates(over)); // counted no further than MaxRows + 1
        Assert.Contains("Sources:Csv:MaxRows", source.Check(Input(over))?.Message, StringComparison.Ordinal);

        var read = 0;
        var failure = await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(Input(over), CancellationToken.None))
            {
                read++;
            }
        });
        Assert.Equal("SOURCE_LIMIT_EXCEEDED", failure.Code);
        Assert.Equal(3, read);
    }

    [Fact]
    public void CountCandidates_CountsRows_NotLines_WhenFieldsSpanLines()
    {
        var file = Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\nC1,A,\"line 1\nline 2\nline 3\",a.pdf\n\nC2,B,\"x\ny\",b.pdf\n");

        Assert.Equal(2, Source().CountCandidates(file));
    }

    [Fact]
    public void CountCandidates_IsZero_WhenTheHeaderIsWrong()
    {
        Assert.Equal(0, Source().CountCandidates(Encoding.UTF8.GetBytes("a,b\n1,2\n")));
    }

    [Fact]
    public async Task Read_TakesTheSeparatorOfAnExcelSepLine()
    {
        var file = Encoding.UTF8.GetBytes("sep=;\r\ncandidate_id;name;resume_text;filename\r\nC1;Anna;React, Redux;anna.pdf\r\n");

        var candidate = Assert.Single(await ReadAllAsync(Source(), file));

        Assert.Equal("React, Redux", candidate.ResumeText);
    }

    [Fact]
    public async Task Read_ReadsTheSharedCorpusShape_WhenUtf16WithBom()
    {
        var file = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("candidate_id,name,resume_text,filename\nC1,Łukasz,Kotlin,l.pdf\n")).ToArray();

        var candidate = Assert.Single(await ReadAllAsync(Source(), file));

        Assert.Equal("Łukasz", candidate.Name);
    }

    private static byte[] Rows(int count) =>
        Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"C{i},N{i},Text {i},f{i}.txt\n")));

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
