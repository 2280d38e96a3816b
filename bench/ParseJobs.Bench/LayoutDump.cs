using System.Text.Json;
using ParseJobs.Extraction;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Bench;

/// <summary><c>layout --dump DIR</c>: for every file of the folder, what a parser child makes of it, byte for byte:
/// NAME.layout.json (the layout model), NAME.document.json (the document product with markdown and HTML),
/// NAME.cv.json (the CV product: profile, then meta). A change meant to be output-neutral (a speed-up) leaves
/// <c>diff -r</c> of two dumps empty.</summary>
public static class LayoutDump
{
    private static readonly DocumentResultProduct DocumentProduct = new(200, IncludeMarkdown: true, IncludeHtml: true, ImageUrlPrefix: "/images/");

    public static int Run(string docs, string outDir, TextWriter output)
    {
        Directory.CreateDirectory(outDir);
        var json = WireJson.CreateOptions();
        var extractor = new DocumentLayoutExtractor();
        var maker = new ProductMaker();
        var written = 0;
        foreach (var file in Directory.EnumerateFiles(docs).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.Combine(outDir, Path.GetFileName(file));
            if (DocumentTypeDetector.Detect(bytes) is not { } type)
                continue;
            File.WriteAllText(name + ".layout.json", Attempt(() => JsonSerializer.Serialize(extractor.Extract(bytes, type, ParseLimits.Default), json)));
            File.WriteAllText(name + ".document.json", Attempt(() => Text(maker.Make(bytes, type, ParseLimits.Default, DocumentProduct))));
            File.WriteAllText(name + ".cv.json", Attempt(() => Text(maker.Make(bytes, type, ParseLimits.Default, new CvProfileProduct()))));
            written++;
        }

        output.WriteLine($"layout dump: {written} documents written to {outDir}");
        return 0;
    }

    private static string Text(ParsedProduct product) =>
        System.Text.Encoding.UTF8.GetString(product.Json) + "\n"
        + (product.MetaJson is { } meta ? System.Text.Encoding.UTF8.GetString(meta) : "") + "\n"
        + string.Join("\n", product.Images.Select(i => $"{i.SegmentId} {i.MediaType} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(i.Content))}"));

    private static string Attempt(Func<string> make)
    {
        try
        {
            return make();
        }
        catch (DocumentParseException ex)
        {
            return $"failed {ex.Code} {ex.Message}";
        }
    }
}
