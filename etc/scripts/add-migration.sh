#!/usr/bin/env bash
# Adds an EF Core migration (PostgreSQL) for the kernel or a module.
# Usage: etc/scripts/add-migration.sh Platform|PlanTasks|Counters|Queue|Digitization|Integration|Evaluation|Training MigrationName
# The embedded SQLite default creates its schema from the model and needs no migration (ADR 0003).
set -euo pipefail
cd "$(dirname "$0")/../.."
module=${1:?module}; name=${2:?migration name}
if [ "$module" = "Platform" ]; then
  project=src/OneStop.Platform; context=PlatformDbContext; out=Persistence/Migrations
else
  project=modules/$module/OneStop.$module; context=${module}DbContext; out=Infrastructure/Migrations
fi
dotnet tool restore >/dev/null
Database__Provider=PostgreSql Database__ConnectionString="Host=localhost;Database=design_time" \
  dotnet ef migrations add "$name" --project "$project" --startup-project src/OneStop.Platform.Host \
  --context "$context" --output-dir "$out"
# Inside a module everything is internal (architecture tests); EF finds internal migrations too.
grep -rl "^    public partial class" "$project/$out" | xargs -r sed -i 's/^    public partial class/    internal partial class/'
