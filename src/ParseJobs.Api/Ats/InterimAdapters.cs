using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ParseJobs.Api.Ats;

// Interim adapters of the ats-core branch: replaced at merge by the real Hr4YouClient (resilience pipeline) and the
// real profile PDF renderer. Registered with TryAdd, so the real registrations win.

/// <summary>A minimal HR4YOU client: one plain GET per call with the bearer token; 404 is null, every other failure a
/// <see cref="Hr4YouException"/> (no retries).</summary>
public sealed class InterimHr4YouClient(IHttpClientFactory factory) : IHr4YouClient
{
    public const string HttpClientName = "hr4you-interim";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Hr4YouConsultant?> GetConsultantAsync(Hr4YouConnection connection, string userId, CancellationToken ct) =>
        GetJsonAsync<Hr4YouConsultant>(connection, $"consultants/{Uri.EscapeDataString(userId)}", ct);

    public async Task<Hr4YouApplicant?> GetApplicantAsync(Hr4YouConnection connection, string applicantId, CancellationToken ct)
    {
        var applicant = await GetJsonAsync<Hr4YouApplicant>(connection, $"applicants/{Uri.EscapeDataString(applicantId)}", ct);
        return applicant is { Documents: null } ? applicant with { Documents = [] } : applicant;
    }

    public Task<Hr4YouJobPost?> GetJobAsync(Hr4YouConnection connection, string jobId, CancellationToken ct) =>
        GetJsonAsync<Hr4YouJobPost>(connection, $"jobs/{Uri.EscapeDataString(jobId)}", ct);

    public async Task<Hr4YouDocument?> GetDocumentAsync(Hr4YouConnection connection, string applicantId, string documentId, long maxBytes, CancellationToken ct)
    {
        var path = $"applicants/{Uri.EscapeDataString(applicantId)}/documents/{Uri.EscapeDataString(documentId)}";
        using var response = await SendAsync(connection, path, "*/*", ct);
        if (response is null)
        {
            return null;
        }

        var expected = response.Content.Headers.ContentLength;
        if (expected > maxBytes)
        {
            throw new Hr4YouException(Hr4YouFailure.TooLarge, $"GET /{path}: the document is {expected:N0} bytes; the limit is {maxBytes:N0}.");
        }

        using var buffer = new MemoryStream();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    throw new Hr4YouException(Hr4YouFailure.TooLarge, $"GET /{path}: the document is larger than {maxBytes:N0} bytes.");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new Hr4YouException(expected is null ? Hr4YouFailure.Unavailable : Hr4YouFailure.Truncated,
                $"GET /{path}: the connection ended after {buffer.Length:N0} of {expected?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} bytes.", inner: ex);
        }

        if (expected is { } length && buffer.Length != length)
        {
            throw new Hr4YouException(Hr4YouFailure.Truncated, $"GET /{path}: {buffer.Length:N0} of {length:N0} bytes arrived.");
        }

        return new Hr4YouDocument(buffer.ToArray(), response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    private async Task<T?> GetJsonAsync<T>(Hr4YouConnection connection, string path, CancellationToken ct)
        where T : class
    {
        using var response = await SendAsync(connection, path, "application/json", ct);
        if (response is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(ct), Json)
                ?? throw new Hr4YouException(Hr4YouFailure.Malformed, $"GET /{path}: the answer is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new Hr4YouException(Hr4YouFailure.Malformed, $"GET /{path}: the answer is not the expected JSON.", inner: ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new Hr4YouException(Hr4YouFailure.Unavailable, $"GET /{path}: the connection ended mid-answer.", inner: ex);
        }
    }

    /// <summary>The 2xx response, or null for 404; anything else throws.</summary>
    private async Task<HttpResponseMessage?> SendAsync(Hr4YouConnection connection, string path, string accept, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(connection.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.UserAgent.ParseAdd("ParseJobs/1.0");
        HttpResponseMessage response;
        try
        {
            response = await factory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new Hr4YouException(Hr4YouFailure.Unavailable, $"GET /{path}: HR4YOU could not be reached ({ex.HttpRequestError}).", inner: ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new Hr4YouException(Hr4YouFailure.Unavailable, $"GET /{path}: HR4YOU did not answer in time.", inner: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new Hr4YouException(Hr4YouFailure.Unauthorized, $"GET /{path}: HR4YOU refused the token ({status})."),
                _ when status >= 500 || status == 429 => new Hr4YouException(Hr4YouFailure.Unavailable, $"GET /{path}: HR4YOU answered {status}.",
                    response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null)),
                _ => new Hr4YouException(Hr4YouFailure.Malformed, $"GET /{path}: HR4YOU answered {status}, which the contract does not know."),
            };
        }
    }
}

/// <summary>A plain PDF of the profile (PdfPig's builder, Helvetica): name or label, headline, contact, experience
/// and skills as lines. Real bytes for the flow's tests, not the product's layout.</summary>
public sealed class InterimProfilePdfRenderer : IProfilePdfRenderer
{
    public Task<byte[]> RenderAsync(ProfilePdfRequest request, CancellationToken ct)
    {
        var profile = request.Profile;
        var lines = new List<string> { request.Anonymised ? request.AnonymousLabel : profile.PersonalInfo.FullName };
        lines.AddRange(profile.Experience.Take(1).Select(e => e.Position));
        if (!request.Anonymised)
        {
            lines.Add(profile.PersonalInfo.Email);
            lines.Add(profile.PersonalInfo.MobilePhone);
        }

        lines.Add("");
        lines.AddRange(profile.Experience.Select(e => $"{e.Position}, {e.Company} ({e.StartDate} - {e.EndDate})"));
        lines.Add("");
        lines.Add(request.OrganisationName);

        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 800.0;
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line) && y > 40)
            {
                page.AddText(WinAnsi(line), 11, new PdfPoint(50, y), font);
            }

            y -= 16;
        }

        return Task.FromResult(builder.Build());
    }

    // Standard-14 fonts speak WinAnsi: keep Latin-1, replace the rest.
    private static string WinAnsi(string text) => new([.. text.Select(c => c is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' ? c : '?')]);
}
