using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class CalendarFromCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The working calendar moves from Counters to the kernel (ADR 0022). On a database that has it, its tables
            // move with their rows, keys and indexes (same names); Counters' own migration then leaves them alone.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF to_regclass('counters."DaysOff"') IS NOT NULL AND to_regclass('platform."DaysOff"') IS NULL THEN
                        ALTER TABLE counters."DaysOff" SET SCHEMA platform;
                    END IF;
                    IF to_regclass('counters."OfficeHours"') IS NOT NULL AND to_regclass('platform."OfficeHours"') IS NULL THEN
                        ALTER TABLE counters."OfficeHours" SET SCHEMA platform;
                    END IF;
                END $$;
                """);

            // A fresh database (the kernel migrates before any module): the tables as EF generated them.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS platform."DaysOff" (
                    "Id" uuid NOT NULL,
                    "Date" date NOT NULL,
                    "Kind" character varying(32) NOT NULL,
                    "Name" character varying(256) NOT NULL,
                    "Source" character varying(2000) NOT NULL,
                    CONSTRAINT "PK_DaysOff" PRIMARY KEY ("Id"));
                CREATE UNIQUE INDEX IF NOT EXISTS "IX_DaysOff_Date" ON platform."DaysOff" ("Date");
                CREATE TABLE IF NOT EXISTS platform."OfficeHours" (
                    "Id" uuid NOT NULL,
                    "MorningStart" time without time zone NOT NULL,
                    "MorningEnd" time without time zone NOT NULL,
                    "AfternoonStart" time without time zone NOT NULL,
                    "AfternoonEnd" time without time zone NOT NULL,
                    "UnitId" uuid NOT NULL,
                    "UnitPath" character varying(512) NOT NULL,
                    "IsDeleted" boolean NOT NULL,
                    "CreatedAt" timestamp with time zone NOT NULL,
                    "CreatedBy" character varying(256) NOT NULL,
                    "ModifiedAt" timestamp with time zone NULL,
                    "ModifiedBy" character varying(256) NULL,
                    CONSTRAINT "PK_OfficeHours" PRIMARY KEY ("Id"));
                CREATE UNIQUE INDEX IF NOT EXISTS "IX_OfficeHours_UnitId" ON platform."OfficeHours" ("UnitId");
                CREATE INDEX IF NOT EXISTS "IX_OfficeHours_UnitPath" ON platform."OfficeHours" ("UnitPath");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to Counters with their rows (revert Counters' CalendarToPlatform first, which changes no table).
            migrationBuilder.Sql("""
                CREATE SCHEMA IF NOT EXISTS counters;
                ALTER TABLE platform."DaysOff" SET SCHEMA counters;
                ALTER TABLE platform."OfficeHours" SET SCHEMA counters;
                """);
        }
    }
}
