using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <summary>
    /// The calendar's version (ADR 0060): one row whose value a trigger replaces in the transaction of any statement that
    /// writes the days off or the office hours, whoever writes them (an endpoint, the seeder, a script). Each instance
    /// keeps its calendar snapshot while the value is the same. A random value, not a counter, so that a database
    /// created again is never taken for the one a snapshot was read from.
    /// </summary>
    internal partial class CalendarVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE platform."CalendarVersion" ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Version" uuid NOT NULL);
                INSERT INTO platform."CalendarVersion" VALUES (1, gen_random_uuid());
                CREATE FUNCTION platform.calendar_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE platform."CalendarVersion" SET "Version" = gen_random_uuid();
                    RETURN NULL;
                END $$;
                CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform."DaysOff"
                    FOR EACH STATEMENT EXECUTE FUNCTION platform.calendar_changed();
                CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform."OfficeHours"
                    FOR EACH STATEMENT EXECUTE FUNCTION platform.calendar_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER calendar_changed ON platform."OfficeHours";
                DROP TRIGGER calendar_changed ON platform."DaysOff";
                DROP FUNCTION platform.calendar_changed();
                DROP TABLE platform."CalendarVersion";
                """);
        }
    }
}
