namespace OneStop.Platform.Host.Demo;

/// <summary>What the demo dataset step does at this start, for the ready banner and for tests that wait for it.</summary>
internal sealed class DemoDataStatus
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Generation will run (or runs) in the background after the host is ready.</summary>
    public bool Pending { get; set; }

    /// <summary>Dossiers the generation is asked for.</summary>
    public int Requested { get; set; }

    /// <summary>Dossiers generated at this start; null until (unless) generation finished.</summary>
    public int? DossiersGenerated { get; set; }

    /// <summary>The demo dataset was there from an earlier start (a dossier exists).</summary>
    public bool AlreadyPresent { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Completes when there is nothing (more) to generate; faults if generation failed.</summary>
    public Task Completion => _done.Task;

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception e) => _done.TrySetException(e);
}
