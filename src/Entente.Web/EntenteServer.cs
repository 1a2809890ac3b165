using System.Reflection;
using Entente.Storage;
using Entente.Web.Api;
using Entente.Web.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using MudBlazor.Services;

namespace Entente.Web;

/// <summary>
/// The server of <c>entente serve</c>: the HTTP API under <c>/api</c>, its OpenAPI description at
/// <see cref="OpenApiPath"/>, and the dashboard (Blazor components rendered on the server, no script needed).
/// </summary>
public static class EntenteServer
{
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>
    /// Builds the application over an open store. <paramref name="configure"/> may change the builder before it is built
    /// (tests put an in-memory server in place of Kestrel).
    /// </summary>
    public static WebApplication Build(ServerOptions options, IEventStore store, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        ArgumentNullException.ThrowIfNull(store);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EntenteServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxRequestBytes);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Keys for the antiforgery tokens of the ingest form live in memory: nothing is written to the user's profile.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddSingleton(options);
        var host = new StoreHost(store);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton<FeedPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedPoller>());
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(j => ApiJson.Configure(j.SerializerOptions));
        builder.Services.AddOpenApi("v1");
        RateLimits.Add(builder.Services, options);
        builder.Services.AddRazorComponents();
        builder.Services.AddMudServices();
        builder.Services.AddAntiforgery();
        configure?.Invoke(builder);

        var app = builder.Build();
        // The overview's default period is computed once the server listens, so that the first visitor does not wait for it.
        app.Lifetime.ApplicationStarted.Register(() => Task.Run(() =>
        {
            try
            {
                Overview.Warm(host);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
            {
                app.Logger.LogWarning("the overview was not computed ahead: {Message}", e.Message);
            }
        }));
        app.UseExceptionHandler();
        // API errors without a body (404 for an unknown path, 405) become problem details; pages write their own.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.Use(async (context, next) =>
        {
            // The dashboard runs no script: article text is untrusted, and a policy that allows none is the second line
            // of defence behind HTML encoding.
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi(OpenApiPath);
        ApiEndpoints.Map(app);
        MapAssets(app);
        app.MapRazorComponents<App>().RequireRateLimiting(RateLimits.Read);
        return app;
    }

    /// <summary>The stylesheets, embedded in this assembly (the component library's and the dashboard's own).</summary>
    private static void MapAssets(WebApplication app)
    {
        foreach (var (path, resource) in new[] { ("/assets/mudblazor.min.css", "mudblazor.min.css"), ("/assets/site.css", "site.css") })
        {
            var bytes = ReadResource(resource);
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(bytes, "text/css; charset=utf-8");
            }).ExcludeFromDescription();
        }
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
