using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class CalendarToPlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The working calendar now belongs to the kernel (ADR 0022), whose migration runs first and moves these tables
            // to schema "platform" with their rows. What can remain here is only an empty pair that Counters' first
            // migration has just created on a fresh database: drop those. A table that still holds rows (the kernel not
            // migrated yet) is never dropped; the kernel's migration moves it.
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    t text;
                    empty boolean;
                BEGIN
                    FOREACH t IN ARRAY ARRAY['DaysOff', 'OfficeHours'] LOOP
                        IF to_regclass(format('counters.%I', t)) IS NOT NULL THEN
                            -- Dynamic SQL: a static reference to a table that may not exist fails when the block is planned.
                            EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM counters.%I)', t) INTO empty;
                            IF empty THEN
                                EXECUTE format('DROP TABLE counters.%I', t);
                            END IF;
                        END IF;
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing: reverting the kernel's CalendarFromCounters moves the tables back with their rows.
        }
    }
}
