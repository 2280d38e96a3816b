using ParseJobs.Bench;

// bench <subcommand> [--option value …]; each subcommand is one class.
var options = BenchArguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "api" => await ApiBenchmark.RunAsync(options, Console.Out),
    "batch" => await BatchBenchmark.RunAsync(options, Console.Out),
    "ats" => await AtsBenchmark.RunAsync(options, Console.Out),
    "cv-extract" => CvExtractBenchmark.Run(options, Console.Out),
    "parent-cost" => ParentCostBenchmark.Run(options, Console.Out),
    "corpus" => CorpusExport.Run(options, Console.Out),
    "payroll-corpus" => PayrollCorpus.Run(options, Console.Out),
    "payroll" => PayrollBenchmark.Run(options, Console.Out),
    "payroll-widen" => PayrollWidened.Run(options, Console.Out),
    "match" => MatchBenchmark.Run(options, Console.Out),
    "layout" => LayoutBenchmark.Run(options, Console.Out),
    "reading-order" => ReadingOrderCheck.Run(options, Console.Out),
    "sample" => WriteSample(options),
    _ => Usage(),
};

// The generated PDFs as files, for scripts that upload with curl (bench/parent-cpu.sh).
static int WriteSample(BenchArguments options)
{
    var bytes = options.Text("document") == "one-page" ? SampleCv.OnePage() : SampleCv.TwoColumnTwoPages();
    File.WriteAllBytes(options.RequiredText("out"), bytes);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ParseJobs.Bench <command> [options]
          api --url http://127.0.0.1:8080 --key sk_live_… [--document two-column|one-page] [--runs 50] [--jobs 160] [--clients 16]
              [--connections 16] [--seconds 10]
              enqueue→start and submit→completed latency, throughput, status requests per second
          batch --url http://127.0.0.1:8080 --key sk_live_… [--candidates 500] [--runs 3] [--sync-candidates 50] [--sync-runs 5]
                [--service-pid PID]
              issue 11: a ZIP of mixed PDF/DOCX/TXT CVs submit→completed, candidates/s, a sync call; CPU per candidate
          ats --url http://127.0.0.1:8080 --key sk_live_… [--applicants 50] [--runs 3] [--service-pid PID]
              issue 12: create-pdf against a fake HR4YOU on loopback; request latency, candidates imported (fetch, parse,
              two profile PDFs) per second; CPU per candidate (key scopes: admin, ats:create-pdf, projects:read)
          cv-extract [--file two-page.pdf] [--warmup 200] [--iterations 2000]
              CvExtractor.Extract on one thread, in process (default: a generated two-page CV)
          parent-cost [--file two-page.pdf] [--warmup 200] [--iterations 1000]
              the worker's CPU per job once the parser answered: before issue 10 (layout model) and now (result JSON)
          corpus --docs DIR --out DIR
              the layout model's text + CvExtractor over every file; OUT/NAME.json as the API's {"data": …}
          payroll [--employees 200] [--iterations 10] [--out register.pdf]
              issue 13: a generated register PDF (Chromium) through the payroll product in process; median time
          payroll-widen --out DIR
              registers in wordings, orders, number and period styles the payroll corpus lacks: DIR/docs, DIR/truth
          payroll-corpus --docs DIR --out DIR
              the payroll product of every file in process; OUT/NAME.json as a finished job (score with the
              payroll corpus' score.py)
          layout --docs DIR [--rounds 5] | layout --docs DIR --dump OUT
              pages per second per core of the layout model by format, beside pdftotext -layout;
              with --dump, the layout model and the products of every file (to diff two builds)
          match --scenarios DIR --out DIR [--profiles DIR] [--as-of YYYY-MM]
              every scenario's job analysed and its ZIP and CSV candidates parsed and matched in process;
              OUT/ID.zip.json and OUT/ID.csv.json in the results shape (score with the corpus' score.py)
          sample --out FILE [--document two-column|one-page]
              writes the generated PDF the api benchmark uploads
          reading-order --docs DIR --truth DIR
              share of ground-truth experience descriptions that are one contiguous run of the reading order
        """);
    return 2;
}
