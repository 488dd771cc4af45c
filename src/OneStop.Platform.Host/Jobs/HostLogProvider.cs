using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace OneStop.Platform.Host.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static. When several hosts live in one process (the test suite)
/// and the host that set it is disposed, its logger factory is gone: log nothing rather than throw.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return SafeLog.Silent;
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public static readonly SafeLog Silent = new(null);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
