using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Counters.Infrastructure.Migrations
{
    /// <summary>
    /// The queue's six tables leave the Counters model for the Queue module (ADR 0021). EF scaffolded DropTable: replaced
    /// by a move to schema "queue" with their rows (ALTER TABLE … SET SCHEMA), guarded, so it is the same whether this
    /// runs before or after the Queue context's Initial migration, which runs the same move.
    /// </summary>
    internal partial class QueueMovedToItsModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MoveToQueue);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MoveBackToCounters);

        private const string MoveToQueue = @"DO $move$
DECLARE
    -- Parents first; dropped children first.
    tables text[] := ARRAY['QueueDesks', 'QueueCounters', 'QueueTickets', 'QueueEvents', 'QueueTicketDossiers', 'QueueAppointments'];
    t text;
    n bigint;
    rows_in_queue bigint := 0;
    rows_in_counters bigint := 0;
BEGIN
    IF to_regclass('counters.""QueueDesks""') IS NULL THEN
        RETURN; -- moved already, or a database that never had them there
    END IF;

    CREATE SCHEMA IF NOT EXISTS queue;
    IF to_regclass('queue.""QueueDesks""') IS NOT NULL THEN
        -- Both schemas have them: the Queue context created its own before Counters' old migrations made theirs. Keep
        -- the side with rows; never both.
        FOREACH t IN ARRAY tables LOOP
            EXECUTE format('SELECT count(*) FROM queue.%I', t) INTO n;
            rows_in_queue := rows_in_queue + n;
            EXECUTE format('SELECT count(*) FROM counters.%I', t) INTO n;
            rows_in_counters := rows_in_counters + n;
        END LOOP;
        IF rows_in_queue > 0 AND rows_in_counters > 0 THEN
            RAISE EXCEPTION 'Queue tables hold rows in both schemas ""counters"" and ""queue""; merge them by hand (ADR 0021).';
        END IF;

        FOR i IN REVERSE array_length(tables, 1)..1 LOOP
            IF rows_in_queue > 0 THEN
                EXECUTE format('DROP TABLE IF EXISTS counters.%I', tables[i]);
            ELSE
                EXECUTE format('DROP TABLE IF EXISTS queue.%I', tables[i]);
            END IF;
        END LOOP;
        IF rows_in_queue > 0 THEN
            RETURN;
        END IF;
    END IF;

    -- The move itself: rows, indexes, keys and constraints go with each table; nothing is copied.
    FOREACH t IN ARRAY tables LOOP
        IF to_regclass(format('counters.%I', t)) IS NOT NULL THEN
            EXECUTE format('ALTER TABLE counters.%I SET SCHEMA queue', t);
        END IF;
    END LOOP;
END $move$;";

        private const string MoveBackToCounters = @"DO $back$
DECLARE
    t text;
BEGIN
    IF to_regnamespace('counters') IS NULL THEN
        RETURN;
    END IF;

    FOREACH t IN ARRAY ARRAY['QueueDesks', 'QueueCounters', 'QueueTickets', 'QueueEvents', 'QueueTicketDossiers', 'QueueAppointments'] LOOP
        IF to_regclass(format('queue.%I', t)) IS NOT NULL AND to_regclass(format('counters.%I', t)) IS NULL THEN
            EXECUTE format('ALTER TABLE queue.%I SET SCHEMA counters', t);
        END IF;
    END LOOP;
END $back$;";
    }
}
