using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Evaluation.Infrastructure.Migrations
{
    /// <inheritdoc />
    internal partial class RatingChannelWhereGiven : Migration
    {
        /// <summary>
        /// Online ratings an officer typed in become paper ratings (ADR 0031): an online rating recorded through the API by a
        /// person — the audit trail's actor has a user id; systems signed in with a client token have none, and the kiosk
        /// path writes as "kiosk" — moves to PAPER with the claim kept in <c>ClaimedChannel</c>. When the dossier already
        /// has a paper rating, the officer's second form is set aside (soft-deleted) instead. The rating chain is checked as
        /// it stands first (the migration stops on a broken chain rather than seal over an edit), then resealed from the
        /// first moved rating with the hash <see cref="Domain.Rating.ComputeHash"/> computes. Nothing to move: nothing done.
        /// </summary>
        internal const string MoveStaffOnlineRatingsToPaper = """
            DO $$
            DECLARE
                r record;
                ids uuid[];
                previous text := repeat('0', 64);
                expected bigint := 1;
                first_seq bigint;
                canonical text;
                hash text;
            BEGIN
                SELECT array_agg(x."Id") INTO ids FROM evaluation."Ratings" x
                WHERE x."Channel" = 'ONLINE' AND x."CreatedBy" <> 'kiosk'
                  AND EXISTS (SELECT 1 FROM evaluation."AuditRecords" a
                              WHERE a."EntityType" = 'Rating' AND a."Action" = 'Added' AND a."EntityId" = x."Id"::text AND a."ActorId" IS NOT NULL);
                IF ids IS NULL THEN
                    RETURN;
                END IF;

                FOR r IN SELECT * FROM evaluation."Ratings" ORDER BY "Seq" LOOP
                    canonical := concat_ws('|', r."Seq", replace(r."Id"::text, '-', ''), replace(r."DossierId"::text, '-', ''), r."DossierCode",
                        replace(r."UnitId"::text, '-', ''), r."UnitPath", r."Channel", r."Scores", r."Overall", coalesce(r."Comment", ''),
                        (extract(epoch FROM r."RatedAt")::numeric * 1000000)::bigint * 10 + 621355968000000000, r."PreviousHash")
                        || coalesce('|' || r."ClaimedChannel", '');
                    IF r."Seq" <> expected OR r."PreviousHash" <> previous OR encode(sha256(convert_to(canonical, 'UTF8')), 'hex') <> r."Hash" THEN
                        RAISE EXCEPTION 'The rating chain is broken at rating %: check it (GET /api/v1/evaluation/ratings/verify) before moving officers'' online ratings to paper (ADR 0031).', r."Seq";
                    END IF;
                    previous := r."Hash";
                    expected := expected + 1;
                END LOOP;

                UPDATE evaluation."Ratings" x SET "IsDeleted" = true, "ModifiedAt" = now(), "ModifiedBy" = 'migration RatingChannelWhereGiven'
                WHERE x."Id" = ANY(ids) AND EXISTS (SELECT 1 FROM evaluation."Ratings" p WHERE p."DossierId" = x."DossierId" AND p."Channel" = 'PAPER');
                UPDATE evaluation."Ratings" x SET "Channel" = 'PAPER', "ClaimedChannel" = 'ONLINE', "ModifiedAt" = now(), "ModifiedBy" = 'migration RatingChannelWhereGiven'
                WHERE x."Id" = ANY(ids) AND NOT x."IsDeleted";

                SELECT min("Seq") INTO first_seq FROM evaluation."Ratings" WHERE "Id" = ANY(ids) AND "ClaimedChannel" IS NOT NULL;
                IF first_seq IS NULL THEN
                    RETURN;
                END IF;

                previous := coalesce((SELECT "Hash" FROM evaluation."Ratings" WHERE "Seq" = first_seq - 1), repeat('0', 64));
                FOR r IN SELECT * FROM evaluation."Ratings" WHERE "Seq" >= first_seq ORDER BY "Seq" LOOP
                    canonical := concat_ws('|', r."Seq", replace(r."Id"::text, '-', ''), replace(r."DossierId"::text, '-', ''), r."DossierCode",
                        replace(r."UnitId"::text, '-', ''), r."UnitPath", r."Channel", r."Scores", r."Overall", coalesce(r."Comment", ''),
                        (extract(epoch FROM r."RatedAt")::numeric * 1000000)::bigint * 10 + 621355968000000000, previous)
                        || coalesce('|' || r."ClaimedChannel", '');
                    hash := encode(sha256(convert_to(canonical, 'UTF8')), 'hex');
                    UPDATE evaluation."Ratings" SET "PreviousHash" = previous, "Hash" = hash WHERE "Id" = r."Id";
                    previous := hash;
                END LOOP;
            END
            $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedChannel",
                schema: "evaluation",
                table: "Ratings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
            migrationBuilder.Sql(MoveStaffOnlineRatingsToPaper);
        }

        /// <inheritdoc />
        /// <remarks>The moved ratings stay paper: their claim goes with the column, and the chain would need resealing.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedChannel",
                schema: "evaluation",
                table: "Ratings");
        }
    }
}
