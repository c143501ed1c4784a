#!/usr/bin/env bash
# Runs ImpactBot's main job on the bundled example: commits examples/shop as "main" in a temporary git repository,
# applies examples/change on a branch (a changed payment amount, a removed customer column) and prints the report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
format=${1:-text}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -R "$root/examples/shop/." "$work/"
cd "$work"
git init -q -b main
git -c user.name=demo -c user.email=demo@example.com add -A
git -c user.name=demo -c user.email=demo@example.com commit -qm "base"
git checkout -q -b change
cp -R "$root/examples/change/." "$work/"
git -c user.name=demo -c user.email=demo@example.com commit -qam "Round payment amounts; stop exporting last_name"

dotnet run --project "$root/src/ImpactBot.Cli" -c Release -- analyze --repo "$work" --base main --format "$format" || status=$?
exit "${status:-0}"
