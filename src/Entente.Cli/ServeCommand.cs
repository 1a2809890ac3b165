using System.CommandLine;
using Entente.Web;
using Microsoft.AspNetCore.Builder;

namespace Entente.Cli;

/// <summary>
/// <c>entente serve [--db FILE] [--urls URL] [--api-key-file FILE] [--feed URL-or-file] [--poll-minutes N]</c>: the HTTP API
/// and the dashboard in one process, on 127.0.0.1 unless told otherwise. The API key (ENTENTE_API_KEY or the file's
/// first line) turns the write endpoints on; without one the server will not listen beyond loopback.
/// </summary>
public static class ServeCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var db = StoreCli.DbOption();
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Addresses to listen on (default {ServerOptions.DefaultUrl}); several separated by ';'.",
        };
        var keyFile = new Option<string?>("--api-key-file") { Description = "A file whose first line is the API key (else ENTENTE_API_KEY); with a key, writes are on." };
        var feeds = new Option<string[]>("--feed") { Description = "An RSS/Atom feed (URL or file) to poll; repeatable; needs an API key." };
        var poll = new Option<int>("--poll-minutes") { Description = "Minutes between two polls of a feed.", DefaultValueFactory = _ => 15 };
        var cmd = new Command("serve", "Serve the HTTP API (/api, OpenAPI at /openapi/v1.json) and the dashboard.") { db, urls, keyFile, feeds, poll };
        cmd.SetAction(result =>
        {
            string? key = Environment.GetEnvironmentVariable("ENTENTE_API_KEY");
            if (result.GetValue(keyFile) is { } file)
            {
                if (!CliIo.TryRead(() => File.ReadLines(file).FirstOrDefault()?.Trim(), file, stderr, out key))
                {
                    return EntenteCli.Failure;
                }
            }

            if (key is { Length: > 0 and < 16 })
            {
                stderr.WriteLine("entente serve: the API key is shorter than 16 characters; use a long random one");
                return EntenteCli.Usage;
            }

            var listen = (result.GetValue(urls) ?? []).SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var options = new ServerOptions
            {
                Db = result.GetValue(db)!,
                Urls = listen.Length == 0 ? [ServerOptions.DefaultUrl] : listen,
                ApiKey = string.IsNullOrEmpty(key) ? null : key,
                Feeds = result.GetValue(feeds) ?? [],
                FeedInterval = TimeSpan.FromMinutes(Math.Max(1, result.GetValue(poll))),
            };
            if (options.Problem() is { } problem)
            {
                stderr.WriteLine($"entente serve: {problem}");
                return EntenteCli.Usage;
            }

            if (options.Feeds.Count > 0 && !options.WritesEnabled)
            {
                stderr.WriteLine("entente serve: --feed needs an API key (ENTENTE_API_KEY or --api-key-file): polling writes to the database");
                return EntenteCli.Usage;
            }

            var store = StoreCli.Open(options.Db, mustExist: false, stderr);
            if (store is null)
            {
                return EntenteCli.Failure;
            }

            using var app = EntenteServer.Build(options, store);
            stdout.WriteLine($"entente serve: {string.Join(", ", options.Urls)} (database {(Storage.EventStore.IsPostgres(options.Db) ? "PostgreSQL" : options.Db)}; writes {(options.WritesEnabled ? "on, API key required" : "off")})");
            stdout.Flush();
            app.Run();
            return EntenteCli.Ok;
        });
        return cmd;
    }
}
