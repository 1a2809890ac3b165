using System.Globalization;
using System.Text;
using System.Text.Json;
using Entente.Analytics;
using Entente.Core.Documents;
using Entente.Sources;
using Entente.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Entente.Web.Api;

/// <summary>The HTTP API under <c>/api</c> (docs/api.md). Reads are open; writes need the API key.</summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimits.Read);

        api.MapGet("/events", (HttpRequest request, StoreHost store) =>
        {
            var (query, errors) = ApiQuery.Events(request.Query, store.ActorCodes());
            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            // One more than the page tells whether a next page exists without counting every match.
            var page = store.Read(s => s.Events(query with { Limit = query.Limit + 1 }).ToList());
            bool more = page.Count > query.Limit;
            return Results.Json(new
            {
                offset = query.Offset,
                limit = query.Limit,
                count = Math.Min(page.Count, query.Limit),
                next = more ? NextPage(request, query.Offset + query.Limit) : null,
                events = page.Take(query.Limit).Select(ApiJson.Event).ToList(),
            }, ApiJson.Options);
        }).WithName("events").WithSummary("Stored events, most recent first, with the filters of 'entente events'.");

        api.MapGet("/events/{id:long}", (long id, StoreHost store) =>
        {
            var found = store.Read(s => EventWithReports(s, id));
            return found is null
                ? Results.Problem(statusCode: 404, title: "No such event", detail: $"no event has id {id}")
                : Results.Json(found, ApiJson.Options);
        }).WithName("event").WithSummary("One event with every report of it: the document, the sentence and the evidence span.");

        api.MapGet("/documents/{id}", (string id, StoreHost store) =>
        {
            var found = store.Read(s =>
            {
                if (s.Document(id) is not { } doc)
                {
                    return null;
                }

                var reports = s.ReportsOfDocument(id);
                var byId = EventsById(s, reports.Select(r => r.EventId));
                return new
                {
                    document = ApiJson.Document(doc),
                    reports = reports.Select(r => ApiJson.Report(r, byId.GetValueOrDefault(r.EventId))).ToList(),
                    events = byId.Values.OrderBy(e => e.Id).Select(ApiJson.Event).ToList(),
                };
            });
            return found is null
                ? Results.Problem(statusCode: 404, title: "No such document", detail: $"no document has id '{id}'")
                : Results.Json(found, ApiJson.Options);
        }).WithName("document").WithSummary("A document's metadata, its reports in text order with their evidence, and its events.");

        api.MapGet("/stats", (HttpRequest request, StoreHost store) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            int top = 10;
            if (ApiQuery.Text(request.Query, "top") is { } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top > 1000))
            {
                errors["top"] = [$"'{t}' is not a whole number from 0 to 1000"];
            }

            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            var s = store.Read(x => x.Statistics(top));
            return Results.Json(new
            {
                totals = s.Totals,
                by_year = s.ByYear,
                by_root = s.ByRoot,
                by_modality = s.ByModality,
                top_pairs = s.TopPairs,
            }, ApiJson.Options);
        }).WithName("stats").WithSummary("Counts: totals, events by year, CAMEO root and modality, the top actor pairs.");

        api.MapGet("/pairs/{a}/{b}/series", (string a, string b, HttpRequest request, StoreHost store) =>
        {
            var (from, to, grain, errors) = AnalyticsParameters(request, store, Grain.Month, ("a", a), ("b", b));
            return errors.Count > 0
                ? Invalid(errors)
                : Results.Json(CachedSeries(store, a, b, grain, from, to), AnalyticsJson.Options);
        }).WithName("pair-series").WithSummary("A pair's series, both directions, by month, quarter or year (by=), with its trend: the JSON of 'entente dyad --json'.");

        api.MapGet("/pairs/{a}/{b}/assess", (string a, string b, HttpRequest request, StoreHost store) =>
        {
            var (from, to, grain, errors) = AnalyticsParameters(request, store, Grain.Quarter, ("a", a), ("b", b));
            return errors.Count > 0
                ? Invalid(errors)
                : Results.Json(CachedAssessment(store, a, b, from, to, grain), AnalyticsJson.Options);
        }).WithName("assess").WithSummary("The assessment of A toward B: verdict, score, trend, evidence, hedging, caveats: the JSON of 'entente assess --json'.");

        api.MapGet("/network", (HttpRequest request, StoreHost store) =>
        {
            var (from, to, _, errors) = AnalyticsParameters(request, store, Grain.All);
            int triads = 50;
            if (ApiQuery.Text(request.Query, "triads") is { } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out triads) || triads > 1000))
            {
                errors["triads"] = [$"'{t}' is not a whole number from 0 to 1000"];
            }

            return errors.Count > 0
                ? Invalid(errors)
                : Results.Json(store.Cached(Key("network", triads.ToString(CultureInfo.InvariantCulture), "", Grain.All, from, to), s => new RelationsAnalytics(s).Network(from, to, triads)), AnalyticsJson.Options);
        }).WithName("network").WithSummary("The signed, weighted network of every pair over a period, with its unbalanced triads: the JSON of 'entente network --json'.");

        api.MapGet("/actors/{code}", (string code, HttpRequest request, StoreHost store) =>
        {
            var (from, to, _, errors) = AnalyticsParameters(request, store, Grain.Quarter, ("code", code));
            return errors.Count > 0
                ? Invalid(errors)
                : Results.Json(store.Cached(Key("profile", code, "", Grain.Quarter, from, to), s => Dashboard.Profile(s, code, from, to)), AnalyticsJson.Options);
        }).WithName("actor").WithSummary("An actor's profile: partners and adversaries over the period, and the trend of its net score by quarter.");

        var write = app.MapGroup("/api").RequireRateLimiting(RateLimits.Write).AddEndpointFilter<ApiKeyFilter>();

        write.MapPost("/documents", async (HttpRequest request, StoreHost store, ServerOptions options, CancellationToken ct) =>
        {
            var (body, tooLarge) = await ReadBody(request, options.MaxRequestBytes, ct).ConfigureAwait(false);
            if (tooLarge)
            {
                return Results.Problem(statusCode: 413, title: "Request too large", detail: $"the body is over the limit of {options.MaxRequestBytes} bytes");
            }

            var (documents, problems) = ParseDocuments(request.ContentType, body, ApiQuery.Text(request.Query, "id"));
            if (documents.Count == 0)
            {
                return Invalid(new Dictionary<string, string[]> { ["body"] = problems.Count > 0 ? [.. problems] : ["no document in the body"] });
            }

            var summary = await Task.Run(() => store.Ingest(documents, ct), ct).ConfigureAwait(false);
            var events = store.Read(s => documents.ToDictionary(d => d.Id, d => s.ReportsOfDocument(d.Id).Select(r => r.EventId).Distinct().ToList()));
            return Results.Json(new
            {
                documents = summary.Documents,
                added = summary.Added,
                replaced = summary.Replaced,
                unchanged = summary.Unchanged,
                rejected = summary.Rejected,
                reports = summary.Reports,
                skipped = problems,
                events = events,
            }, ApiJson.Options);
        }).WithName("post-documents").WithSummary("Ingest one document (JSON, or plain text with ?id=) or many (JSON Lines). Needs the API key.");

        write.MapPost("/feeds", async (HttpRequest request, FeedPoller poller, CancellationToken ct) =>
        {
            FeedRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<FeedRequest>(ApiJson.Options, ct).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Invalid(new Dictionary<string, string[]> { ["body"] = [$"not JSON: {e.Message}"] });
            }

            if (body?.Url is not { Length: > 0 } url)
            {
                return Invalid(new Dictionary<string, string[]> { ["url"] = ["a feed URL (http or https) or a file path is required"] });
            }

            int minutes = body.IntervalMinutes ?? 15;
            if (minutes is < 1 or > 10080)
            {
                return Invalid(new Dictionary<string, string[]> { ["interval_minutes"] = [$"{minutes} is not from 1 to 10080"] });
            }

            poller.Add(url, TimeSpan.FromMinutes(minutes));
            var state = await Task.Run(() => poller.Poll(url, ct), ct).ConfigureAwait(false);
            return Results.Json(state, ApiJson.Options, statusCode: 201);
        }).WithName("post-feed").WithSummary("Poll an RSS/Atom feed (URL or file) now and then every interval_minutes. Needs the API key.");

        write.MapGet("/feeds", (FeedPoller poller) => Results.Json(poller.Feeds, ApiJson.Options))
            .WithName("feeds").WithSummary("The feeds being polled. Needs the API key.");
    }

    /// <summary>An event with its reports, each with its document; null when there is no such event.</summary>
    public static object? EventWithReports(IEventStore s, long id)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (EventsById(s, [id]).GetValueOrDefault(id) is not { } e)
        {
            return null;
        }

        var reports = s.Reports(id);
        var docs = reports.Select(r => r.DocId).Distinct(StringComparer.Ordinal).Select(s.Document).OfType<DocumentInfo>().ToDictionary(d => d.Id, StringComparer.Ordinal);
        return new
        {
            @event = ApiJson.Event(e),
            reports = reports.Select(r => new
            {
                report = ApiJson.Report(r, e),
                document = docs.TryGetValue(r.DocId, out var d) ? ApiJson.Document(d) : null,
            }).ToList(),
        };
    }

    /// <summary>Events by id (read by primary key).</summary>
    public static Dictionary<long, StoredEvent> EventsById(IEventStore s, IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : s.EventsByIds(wanted).ToDictionary(e => e.Id);
    }

    /// <summary>The period (from, to), the grain (by=month|quarter|year) and the actors of an analytics request, checked.</summary>
    private static (DateOnly? From, DateOnly? To, Grain Grain, Dictionary<string, string[]> Errors) AnalyticsParameters(
        HttpRequest request, StoreHost store, Grain grain, params (string Name, string Value)[] actors)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (from, to) = ApiQuery.Period(request.Query, errors);
        if (ApiQuery.Text(request.Query, "by") is { } by)
        {
            grain = by.ToLowerInvariant() switch
            {
                "month" => Grain.Month,
                "quarter" => Grain.Quarter,
                "year" => Grain.Year,
                _ => grain,
            };
            if (by.ToLowerInvariant() is not ("month" or "quarter" or "year"))
            {
                errors["by"] = [$"'{by}' is not month, quarter or year"];
            }
        }

        var codes = actors.Length == 0 ? [] : store.ActorCodes();
        foreach (var (name, value) in actors)
        {
            ApiQuery.CheckActor(name, value, codes, errors);
        }

        return (from, to, grain, errors);
    }

    /// <summary>The cache key of an analytics result.</summary>
    /// <summary>A pair's assessment, cached until the next ingest (the API, the pair page and start-up share it).</summary>
    public static Assessment CachedAssessment(StoreHost store, string a, string b, DateOnly? from, DateOnly? to, Grain grain) =>
        store.Cached(Key("assess", a, b, grain, from, to), s => new RelationsAnalytics(s).Assess(a, b, from, to, grain));

    /// <summary>A pair's series, cached until the next ingest.</summary>
    public static DyadSeries CachedSeries(StoreHost store, string a, string b, Grain grain, DateOnly? from, DateOnly? to) =>
        store.Cached(Key("dyad", a, b, grain, from, to), s => new RelationsAnalytics(s).Dyad(a, b, grain, from, to));

    public static string Key(string kind, string a, string b, Grain grain, DateOnly? from, DateOnly? to) =>
        string.Join('|', kind, a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant(), grain, Dashboard.Text(from), Dashboard.Text(to));

    internal static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid request", detail: string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));

    private static string NextPage(HttpRequest request, int offset)
    {
        var parts = request.Query.Where(p => p.Key != "offset").Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}")
            .Append(string.Create(CultureInfo.InvariantCulture, $"offset={offset}"));
        return request.Path + "?" + string.Join('&', parts);
    }

    private static async Task<(string Body, bool TooLarge)> ReadBody(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return (string.Empty, true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > max)
            {
                return (string.Empty, true);
            }

            buffer.Write(chunk, 0, n);
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }

    /// <summary>
    /// Documents from a request body: JSON Lines (<c>application/x-ndjson</c>, or several lines of JSON objects), one JSON
    /// object (<c>application/json</c>; the fields of a .jsonl line: id, text, title, date, url, source), or plain text
    /// (any other type; <paramref name="textId"/> or the text's hash is the id).
    /// </summary>
    public static (List<Document> Documents, List<string> Problems) ParseDocuments(string? contentType, string body, string? textId)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<string>();
        var type = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        string lines;
        if (type == "application/json")
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                lines = json.RootElement.ValueKind == JsonValueKind.Array
                    ? string.Join('\n', json.RootElement.EnumerateArray().Select(x => x.GetRawText().ReplaceLineEndings(" ")))
                    : json.RootElement.GetRawText().ReplaceLineEndings(" ");
            }
            catch (JsonException e)
            {
                problems.Add($"the body is not JSON: {e.Message}");
                return ([], problems);
            }
        }
        else if (type is "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines")
        {
            lines = body;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                problems.Add("the body is empty");
                return ([], problems);
            }

            var id = textId ?? "text-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16];
            return ([new Document(id, body)], problems);
        }

        var documents = new List<Document>();
        using var reader = new StringReader(lines.TrimStart().Length == 0 ? "{}" : lines);
        foreach (var item in DocumentSource.Default.Read(["-"], reader))
        {
            if (item.Diagnostic is { Severity: Entente.Core.Severity.Error } d)
            {
                problems.Add($"{d.Subject}: {d.Message}");
            }

            if (item.Document is { } doc)
            {
                documents.Add(doc);
            }
        }

        return (documents, problems);
    }

    private sealed record FeedRequest(string? Url, int? IntervalMinutes);
}
