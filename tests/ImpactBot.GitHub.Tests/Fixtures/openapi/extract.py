#!/usr/bin/env python3
"""Writes rest-operations.json: the REST operations ImpactBot calls, trimmed from @octokit/openapi.

Usage: python3 extract.py PATH/TO/package/generated/api.github.com.json > rest-operations.json
"""
import json
import sys

OPERATIONS = [
    ("get", "/user"),
    ("get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
    ("post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
    ("get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
    ("patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
    ("delete", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
    ("post", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"),
    ("get", "/repos/{owner}/{repo}/collaborators/{username}/permission"),
    ("post", "/repos/{owner}/{repo}/check-runs"),
    ("patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"),
    ("post", "/repos/{owner}/{repo}/statuses/{sha}"),
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}"),
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"),
    ("get", "/repos/{owner}/{repo}/contents/{path}"),
]
KEEP = ("type", "enum", "required", "nullable", "maxItems", "maxLength")


def trim(schema, spec):
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = spec["components"]["schemas"][name]
    out = {k: schema[k] for k in KEEP if k in schema}
    if "properties" in schema:
        out["properties"] = {k: trim(v, spec) for k, v in schema["properties"].items()}
    if "items" in schema:
        out["items"] = trim(schema["items"], spec)
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            out[key] = [trim(s, spec) for s in schema[key]]
    return out


def main(path):
    spec = json.load(open(path, encoding="utf-8"))
    operations = []
    for method, template in OPERATIONS:
        op = spec["paths"][template][method]
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        operations.append({
            "method": method.upper(),
            "path": template,
            "operationId": op["operationId"],
            "body": trim(body, spec) if body else None,
        })
    json.dump({"source": spec["info"].get("title", ""), "version": spec["info"]["version"], "operations": operations}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
