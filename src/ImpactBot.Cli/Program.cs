using ImpactBot.Cli;

return await ImpactBotApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
