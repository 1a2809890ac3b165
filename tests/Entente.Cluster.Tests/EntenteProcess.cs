using System.Diagnostics;
using System.Text;

namespace Entente.Cluster.Tests;

/// <summary>The CLI as a child process (<c>dotnet entente.dll …</c>), its standard error collected line by line as it comes.</summary>
internal sealed class EntenteProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public EntenteProcess(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "entente.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        _process = new Process { StartInfo = info };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                {
                    _stdout.AppendLine(e.Data);
                }
            }
        };
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Waits until standard error holds a line matching <paramref name="until"/>; false on timeout or exit.</summary>
    public bool WaitFor(Func<string, bool> until, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Stderr.Split('\n').Any(until))
            {
                return true;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit();
                return Stderr.Split('\n').Any(until);
            }

            Thread.Sleep(100);
        }

        return false;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // drains the output
        return true;
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        _process.Dispose();
    }
}
