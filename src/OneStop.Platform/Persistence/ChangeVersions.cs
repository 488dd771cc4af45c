using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OneStop.Platform.Persistence;

/// <summary>
/// A version per set of tables that each instance keeps a copy of (ADR 0060): a row of <c>"{schema}"."ChangeVersions"</c>
/// whose value a statement trigger on each of those tables replaces in the writing transaction, whoever writes them
/// (an endpoint, a seeder, an import, plain SQL). A reader asks the value (one row by key) and keeps its copy while the
/// value is the same, so a change committed on one instance is seen by the next read on every instance. The values are
/// random, not a counter: a database created again is never taken for the one a copy was read from. PostgreSQL only;
/// the embedded SQLite default (one instance) reads the tables per call.
/// </summary>
public static class ChangeVersions
{
    /// <summary>The migration's SQL: the schema's version table and trigger function if missing, the row, the triggers.</summary>
    public static string CreateSql(string schema, string name, params string[] tables) =>
        $$"""
        CREATE TABLE IF NOT EXISTS "{{schema}}"."ChangeVersions" ("Name" varchar(64) PRIMARY KEY, "Version" uuid NOT NULL);
        CREATE OR REPLACE FUNCTION "{{schema}}".change_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "{{schema}}"."ChangeVersions" SET "Version" = gen_random_uuid() WHERE "Name" = TG_ARGV[0];
            RETURN NULL;
        END $$;
        INSERT INTO "{{schema}}"."ChangeVersions" VALUES ('{{name}}', gen_random_uuid());
        """
        + string.Concat(tables.Select(t => $"""

            CREATE TRIGGER "change_version_{name}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{schema}"."{t}"
                FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".change_version_bump('{name}');
            """));

    /// <summary>The migration's Down: the triggers and the row; the table and function once no version is left.</summary>
    public static string DropSql(string schema, string name, params string[] tables) =>
        string.Concat(tables.Select(t => $"""DROP TRIGGER "change_version_{name}" ON "{schema}"."{t}";""" + "\n"))
        + $$"""
        DELETE FROM "{{schema}}"."ChangeVersions" WHERE "Name" = '{{name}}';
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM "{{schema}}"."ChangeVersions") THEN
                DROP TABLE "{{schema}}"."ChangeVersions";
                DROP FUNCTION "{{schema}}".change_version_bump();
            END IF;
        END $$;
        """;

    /// <summary>The version of <paramref name="name"/> now, or null off PostgreSQL (no version kept: read the tables).</summary>
    public static async Task<Guid?> ReadAsync(DatabaseFacade database, string schema, string name, CancellationToken ct)
    {
        if (!database.IsNpgsql())
        {
            return null;
        }

#pragma warning disable EF1003 // the schema is the caller's constant (its context's), never input; the name is a parameter
        return await database.SqlQueryRaw<Guid>("SELECT \"Version\" AS \"Value\" FROM \"" + schema + "\".\"ChangeVersions\" WHERE \"Name\" = {0}", name).SingleAsync(ct);
#pragma warning restore EF1003
    }
}
