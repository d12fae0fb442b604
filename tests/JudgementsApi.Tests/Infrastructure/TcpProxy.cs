using System.Net.Sockets;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>
/// Forwards a loopback port to the test PostgreSQL. Stop() closes the port and cuts every open
/// connection, as a database going down does; Start() brings it back on the same port. Freeze()
/// keeps every connection open and accepts new ones but forwards nothing, as a database whose
/// process is stopped does; Thaw() lets the bytes flow again.
/// </summary>
public sealed class TcpProxy(string targetHost, int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cts = new();
    private volatile TaskCompletionSource _flowing = Open();

    private static TaskCompletionSource Open()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }

    public void Freeze()
    {
        if (_flowing.Task.IsCompleted) _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Thaw() => _flowing.TrySetResult();

    public int Port { get; private set; }

    public void Start()
    {
        _cts = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoop(_listener, _cts.Token);
    }

    public void Stop()
    {
        _cts.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var c in _open) c.Close();
            _open.Clear();
        }
    }

    private async Task AcceptLoop(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(ct); }
            catch { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(targetHost, targetPort, ct); }
            catch { inbound.Close(); continue; }
            lock (_open) { _open.Add(inbound); _open.Add(outbound); }
            _ = Pump(inbound, outbound, ct);
            _ = Pump(outbound, inbound, ct);
        }
    }

    private async Task Pump(TcpClient from, TcpClient to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            while (true)
            {
                await _flowing.Task.WaitAsync(ct);
                var n = await input.ReadAsync(buffer, ct);
                if (n == 0) break;
                await _flowing.Task.WaitAsync(ct); // bytes read while frozen wait, as in a stopped server's socket buffer
                await output.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        catch { /* either side closed */ }
        finally { from.Close(); to.Close(); }
    }

    public ValueTask DisposeAsync()
    {
        Thaw();
        Stop();
        return ValueTask.CompletedTask;
    }
}
