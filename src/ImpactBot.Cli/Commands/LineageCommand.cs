using System.CommandLine;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Cli.Commands;

/// <summary><c>impactbot lineage --dialect D [--schema FILE] FILE|-</c>: the column lineage of one query as JSON.</summary>
internal static class LineageCommand
{
    public static Command Create(TextReader input)
    {
        var dialectNames = string.Join('|', DialectFacts.All.Select(d => d.Name));
        var dialect = new Option<string>("--dialect")
        {
            Description = $"SQL dialect: {dialectNames}",
            Required = true,
        };
        var schema = new Option<string?>("--schema")
        {
            Description = "JSON file {\"table\": [\"col\", ...]} (or {\"table\": {\"col\": \"type\"}}) used to expand stars and resolve names",
        };
        var file = new Argument<string>("file")
        {
            Description = "the SQL file to analyse, or - to read standard input",
        };
        var command = new Command("lineage", "Print the column lineage of one SQL query as JSON.") { dialect, schema, file };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(dialect),
            parseResult.GetValue(schema),
            parseResult.GetRequiredValue(file),
            input,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string dialectName, string? schemaPath, string path, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (DialectFacts.FromName(dialectName) is not { } dialect)
        {
            await error.WriteLineAsync($"error: unknown dialect '{dialectName}': use one of {DialectNames.Canonical}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        ISchemaProvider? schema = null;
        if (schemaPath is not null)
        {
            if (!File.Exists(schemaPath))
            {
                await error.WriteLineAsync($"error: schema file '{schemaPath}' does not exist: pass the path of a JSON file to --schema").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var (parsed, problem) = SchemaJson.Parse(await File.ReadAllTextAsync(schemaPath, cancellationToken).ConfigureAwait(false), dialect);
            if (parsed is null)
            {
                await error.WriteLineAsync($"error: schema file '{schemaPath}': {problem}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            schema = parsed;
        }

        string sql;
        if (path == "-")
        {
            sql = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (File.Exists(path))
        {
            sql = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await error.WriteLineAsync($"error: SQL file '{path}' does not exist: pass the path of a .sql file, or - to read standard input").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var lineage = SqlLineage.Analyze(sql, dialect, schema);
        await output.WriteLineAsync(LineageJson.Write(lineage)).ConfigureAwait(false);
        if (lineage.Status != LineageStatus.Failed)
        {
            return ExitCodes.Ok;
        }

        foreach (var diagnostic in lineage.Diagnostics)
        {
            await error.WriteLineAsync($"{(path == "-" ? "<stdin>" : path)}:{diagnostic}").ConfigureAwait(false);
        }

        return ExitCodes.Failure;
    }
}
