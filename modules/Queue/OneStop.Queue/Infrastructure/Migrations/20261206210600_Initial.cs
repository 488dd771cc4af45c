using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Queue.Infrastructure.Migrations
{
    /// <summary>
    /// The Queue context's first migration (ADR 0021): its outbox, inbox and audit tables, and the queue's tables moved
    /// with their rows from schema "counters" (ALTER TABLE … SET SCHEMA), or created where there were none.
    /// </summary>
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "queue");

            // The queue's tables lived in "counters" until ADR 0021: move them here with their rows. Counters' migration
            // QueueMovedToItsModule runs the same guarded move, so whichever context is migrated first does it.
            migrationBuilder.Sql(MoveFromCounters);

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                schema: "queue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "queue",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "queue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    OrderingKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId",
                schema: "queue",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OrderingKey_State",
                schema: "queue",
                table: "OutboxMessages",
                columns: new[] { "OrderingKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_Id",
                schema: "queue",
                table: "OutboxMessages",
                columns: new[] { "State", "Id" });


            // A database where Counters never had them (e.g. the Counters module switched off): create them here.
            migrationBuilder.Sql(CreateWhereMissing);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords",
                schema: "queue");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "queue");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "queue");


            // Back to "counters" with their rows, as before ADR 0021 (Counters' Down does the same).
            migrationBuilder.Sql(MoveBackToCounters);
        }

        private const string MoveFromCounters = @"DO $move$
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

        private const string CreateWhereMissing = @"DO $create$
BEGIN
    IF to_regclass('queue.""QueueDesks""') IS NULL THEN
        CREATE TABLE queue.""QueueAppointments"" (
            ""Id"" uuid NOT NULL,
            ""DeskId"" uuid NOT NULL,
            ""Code"" character varying(16) NOT NULL,
            ""Field"" character varying(256) NOT NULL,
            ""SlotStart"" timestamp with time zone NOT NULL,
            ""SlotDate"" date NOT NULL,
            ""CitizenName"" character varying(256) NOT NULL,
            ""Phone"" character varying(32),
            ""Status"" character varying(16) NOT NULL,
            ""TicketId"" uuid,
            ""CheckedInAt"" timestamp with time zone,
            ""UnitId"" uuid NOT NULL,
            ""UnitPath"" character varying(512) NOT NULL,
            ""IsDeleted"" boolean NOT NULL,
            ""CreatedAt"" timestamp with time zone NOT NULL,
            ""CreatedBy"" character varying(256) NOT NULL,
            ""ModifiedAt"" timestamp with time zone,
            ""ModifiedBy"" character varying(256),
            CONSTRAINT ""PK_QueueAppointments"" PRIMARY KEY (""Id"")
        );
        CREATE TABLE queue.""QueueDesks"" (
            ""Id"" uuid NOT NULL,
            ""Code"" character varying(32) NOT NULL,
            ""Name"" character varying(256) NOT NULL,
            ""PriorityHeadStartMinutes"" integer NOT NULL,
            ""SlotMinutes"" integer NOT NULL,
            ""SlotCapacity"" integer NOT NULL,
            ""UnitId"" uuid NOT NULL,
            ""UnitPath"" character varying(512) NOT NULL,
            ""IsDeleted"" boolean NOT NULL,
            ""CreatedAt"" timestamp with time zone NOT NULL,
            ""CreatedBy"" character varying(256) NOT NULL,
            ""ModifiedAt"" timestamp with time zone,
            ""ModifiedBy"" character varying(256),
            CONSTRAINT ""PK_QueueDesks"" PRIMARY KEY (""Id"")
        );
        CREATE TABLE queue.""QueueEvents"" (
            ""Id"" uuid NOT NULL,
            ""UnitId"" uuid NOT NULL,
            ""UnitPath"" character varying(512) NOT NULL,
            ""TicketId"" uuid NOT NULL,
            ""DeskId"" uuid NOT NULL,
            ""Kind"" character varying(16) NOT NULL,
            ""At"" timestamp with time zone NOT NULL,
            ""CounterId"" uuid,
            ""Actor"" character varying(256) NOT NULL,
            CONSTRAINT ""PK_QueueEvents"" PRIMARY KEY (""Id"")
        );
        CREATE TABLE queue.""QueueTicketDossiers"" (
            ""Id"" uuid NOT NULL,
            ""TicketId"" uuid NOT NULL,
            ""DossierId"" uuid,
            ""DossierCode"" character varying(64) NOT NULL,
            ""LinkedAt"" timestamp with time zone NOT NULL,
            ""UnitId"" uuid NOT NULL,
            ""UnitPath"" character varying(512) NOT NULL,
            ""IsDeleted"" boolean NOT NULL,
            ""CreatedAt"" timestamp with time zone NOT NULL,
            ""CreatedBy"" character varying(256) NOT NULL,
            ""ModifiedAt"" timestamp with time zone,
            ""ModifiedBy"" character varying(256),
            CONSTRAINT ""PK_QueueTicketDossiers"" PRIMARY KEY (""Id"")
        );
        CREATE TABLE queue.""QueueTickets"" (
            ""Id"" uuid NOT NULL,
            ""DeskId"" uuid NOT NULL,
            ""ServiceDate"" date NOT NULL,
            ""Number"" integer NOT NULL,
            ""Field"" character varying(256) NOT NULL,
            ""PriorityGroup"" character varying(32),
            ""Source"" character varying(16) NOT NULL,
            ""AppointmentId"" uuid,
            ""Status"" character varying(16) NOT NULL,
            ""QueueKey"" timestamp with time zone NOT NULL,
            ""IssuedAt"" timestamp with time zone NOT NULL,
            ""CalledAt"" timestamp with time zone,
            ""LastCalledAt"" timestamp with time zone,
            ""ServiceStartedAt"" timestamp with time zone,
            ""EndedAt"" timestamp with time zone,
            ""CounterId"" uuid,
            ""TransferredToCounterId"" uuid,
            ""CallCount"" integer NOT NULL,
            ""WaitSeconds"" integer,
            ""ServiceSeconds"" integer,
            ""UnitId"" uuid NOT NULL,
            ""UnitPath"" character varying(512) NOT NULL,
            ""IsDeleted"" boolean NOT NULL,
            ""CreatedAt"" timestamp with time zone NOT NULL,
            ""CreatedBy"" character varying(256) NOT NULL,
            ""ModifiedAt"" timestamp with time zone,
            ""ModifiedBy"" character varying(256),
            CONSTRAINT ""PK_QueueTickets"" PRIMARY KEY (""Id"")
        );
        CREATE TABLE queue.""QueueCounters"" (
            ""Id"" uuid NOT NULL,
            ""DeskId"" uuid NOT NULL,
            ""Number"" integer NOT NULL,
            ""Name"" character varying(128) NOT NULL,
            ""FieldsText"" character varying(4000) NOT NULL,
            ""OfficerId"" uuid,
            ""OfficerName"" character varying(256),
            ""CurrentTicketId"" uuid,
            ""UnitId"" uuid NOT NULL,
            ""UnitPath"" character varying(512) NOT NULL,
            ""IsDeleted"" boolean NOT NULL,
            ""CreatedAt"" timestamp with time zone NOT NULL,
            ""CreatedBy"" character varying(256) NOT NULL,
            ""ModifiedAt"" timestamp with time zone,
            ""ModifiedBy"" character varying(256),
            CONSTRAINT ""PK_QueueCounters"" PRIMARY KEY (""Id""),
            CONSTRAINT ""FK_QueueCounters_QueueDesks_DeskId"" FOREIGN KEY (""DeskId"") REFERENCES queue.""QueueDesks"" (""Id"") ON DELETE CASCADE
        );
        CREATE UNIQUE INDEX ""IX_QueueAppointments_DeskId_Code"" ON queue.""QueueAppointments"" (""DeskId"", ""Code"");
        CREATE INDEX ""IX_QueueAppointments_DeskId_SlotStart_Status"" ON queue.""QueueAppointments"" (""DeskId"", ""SlotStart"", ""Status"");
        CREATE INDEX ""IX_QueueAppointments_UnitPath"" ON queue.""QueueAppointments"" (""UnitPath"");
        CREATE UNIQUE INDEX ""IX_QueueCounters_DeskId_Number"" ON queue.""QueueCounters"" (""DeskId"", ""Number"");
        CREATE INDEX ""IX_QueueCounters_UnitPath"" ON queue.""QueueCounters"" (""UnitPath"");
        CREATE UNIQUE INDEX ""IX_QueueDesks_Code"" ON queue.""QueueDesks"" (""Code"");
        CREATE INDEX ""IX_QueueDesks_UnitPath"" ON queue.""QueueDesks"" (""UnitPath"");
        CREATE INDEX ""IX_QueueEvents_DeskId_Id"" ON queue.""QueueEvents"" (""DeskId"", ""Id"");
        CREATE INDEX ""IX_QueueEvents_TicketId"" ON queue.""QueueEvents"" (""TicketId"");
        CREATE INDEX ""IX_QueueEvents_UnitPath"" ON queue.""QueueEvents"" (""UnitPath"");
        CREATE INDEX ""IX_QueueTicketDossiers_DossierCode"" ON queue.""QueueTicketDossiers"" (""DossierCode"");
        CREATE UNIQUE INDEX ""IX_QueueTicketDossiers_TicketId_DossierCode"" ON queue.""QueueTicketDossiers"" (""TicketId"", ""DossierCode"");
        CREATE INDEX ""IX_QueueTicketDossiers_UnitPath"" ON queue.""QueueTicketDossiers"" (""UnitPath"");
        CREATE UNIQUE INDEX ""IX_QueueTickets_DeskId_ServiceDate_Number"" ON queue.""QueueTickets"" (""DeskId"", ""ServiceDate"", ""Number"");
        CREATE INDEX ""IX_QueueTickets_DeskId_ServiceDate_Status_QueueKey"" ON queue.""QueueTickets"" (""DeskId"", ""ServiceDate"", ""Status"", ""QueueKey"");
        CREATE INDEX ""IX_QueueTickets_ServiceDate_UnitId"" ON queue.""QueueTickets"" (""ServiceDate"", ""UnitId"");
        CREATE INDEX ""IX_QueueTickets_UnitPath"" ON queue.""QueueTickets"" (""UnitPath"");
    END IF;
END $create$;";

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
