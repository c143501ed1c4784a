using System.Text.Json.Nodes;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.GitHub.Tests;

/// <summary>
/// Checks recorded requests against Fixtures/openapi/rest-operations.json (trimmed from @octokit/openapi): the operation
/// exists, and the JSON body has every required field, no undeclared field, and values of the declared type and enum
/// (anyOf branches are partial schemas: they add constraints, not the list of fields).
/// </summary>
internal static class OpenApiOperations
{
    private static readonly Lazy<JsonArray> Operations = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "openapi", "rest-operations.json")))!["operations"]!.AsArray());

    public static void AssertConform(IEnumerable<RecordedRequest> requests)
    {
        var problems = requests.SelectMany(Check).ToList();
        Assert.That(problems, Is.Empty, "requests that do not match GitHub's REST description");
    }

    public static IEnumerable<string> Check(RecordedRequest request)
    {
        if (request.Operation == "POST /api/graphql")
        {
            return request.Body?["query"] is JsonValue ? [] : [$"{request.Operation}: no query"];
        }

        var operation = Operations.Value.FirstOrDefault(o => $"{o!["method"]} {o["path"]}" == request.Operation);
        if (operation is null)
        {
            return [$"{request.Operation} ({request.Path}) is not an operation ImpactBot is known to call"];
        }

        return operation["body"] is JsonObject schema
            ? Validate(request.Body, schema, $"{request.Operation} body")
            : [];
    }

    private static IEnumerable<string> Validate(JsonNode? value, JsonObject schema, string where, bool partial = false)
    {
        if (schema["anyOf"] is JsonArray anyOf)
        {
            var branches = anyOf.Select(b => Validate(value, b!.AsObject(), where, partial: true).ToList()).ToList();
            if (branches.All(b => b.Count > 0))
            {
                yield return $"{where}: matches no anyOf branch ({string.Join(" | ", branches.Select(b => b[0]))})";
            }
        }

        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && schema["type"] is not null)
            {
                yield return $"{where}: null is not allowed";
            }

            yield break;
        }

        var type = schema["type"]?.GetValue<string>();
        var actual = value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Object => "object",
            System.Text.Json.JsonValueKind.Array => "array",
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) ? "number" : "integer",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            _ => "null",
        };
        if (type is not null && type != actual && !(type == "number" && actual == "integer"))
        {
            yield return $"{where}: expected {type}, got {actual}";
            yield break;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            yield return $"{where}: {value.ToJsonString()} is not one of {values.ToJsonString()}";
        }

        if (schema["maxLength"]?.GetValue<int>() is { } maxLength && actual == "string" && value.GetValue<string>().Length > maxLength)
        {
            yield return $"{where}: longer than {maxLength} characters";
        }

        if (value is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    yield return $"{where}: required field '{required}' is missing";
                }
            }

            foreach (var (name, child) in obj)
            {
                if (properties[name] is JsonObject childSchema)
                {
                    foreach (var problem in Validate(child, childSchema, $"{where}.{name}"))
                    {
                        yield return problem;
                    }
                }
                else if (!partial)
                {
                    yield return $"{where}: field '{name}' is not in the operation's schema";
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            if (schema["maxItems"]?.GetValue<int>() is { } max && array.Count > max)
            {
                yield return $"{where}: {array.Count} items, at most {max} allowed";
            }

            for (var i = 0; i < array.Count; i++)
            {
                foreach (var problem in Validate(array[i], items, $"{where}[{i}]"))
                {
                    yield return problem;
                }
            }
        }
    }
}
