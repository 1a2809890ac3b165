using Entente.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;

namespace Entente.Web.Tests;

/// <summary>The real application over a real DuckDB file: in memory (TestServer) for the API tests, on a loopback port for the browser.</summary>
internal static class TestServers
{
    public const string Key = "test-key-0123456789abcdef";

    /// <summary>The application on the in-memory test server (what WebApplicationFactory runs, without an entry point to intercept).</summary>
    public static async Task<(WebApplication App, HttpClient Client)> InMemory(string db, Func<ServerOptions, ServerOptions>? change = null)
    {
        var options = new ServerOptions { Db = db };
        options = change?.Invoke(options) ?? options;
        var app = EntenteServer.Build(options, EventStore.Open(db), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    /// <summary>The application on Kestrel at a free loopback port; returns its base address.</summary>
    public static async Task<(WebApplication App, Uri Address)> Kestrel(string db, Func<ServerOptions, ServerOptions>? change = null)
    {
        var options = new ServerOptions { Db = db, Urls = ["http://127.0.0.1:0"] };
        options = change?.Invoke(options) ?? options;
        var app = EntenteServer.Build(options, EventStore.Open(db));
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("no server");
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}
