return WellTrack.Cli.CliApplication.Run(args, Console.Out, Console.Error);
