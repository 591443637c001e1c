using System.Runtime.InteropServices;

// Ctrl+C (SIGINT) and a stopped CI job (SIGTERM) cancel the command, which stops its git processes, puts back what it
// changed and exits with a coded message; a second signal ends the process at once, as without a handler.
using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return WellTrack.Cli.CliApplication.Run(args, Console.Out, Console.Error, cancellation.Token);

void Stop(PosixSignalContext context)
{
    if (cancellation.IsCancellationRequested)
    {
        return;
    }

    context.Cancel = true;
    cancellation.Cancel();
}
