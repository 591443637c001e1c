using System.Globalization;
using BenchmarkDotNet.Running;
using WellTrack.Benchmarks;

// "generate-mixed-tree <dir> [files]" writes the secrets scan's mixed-file tree for timing the native CLI on it
// (scripts/secrets-mixed-tree.sh); anything else runs BenchmarkDotNet.
if (args is ["generate-mixed-tree", var directory, ..])
{
    var files = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
    Console.WriteLine(MixedTreeGenerator.Generate(directory, files));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
