/**
 * Indexes for the views' reads: claims by subject or object, then predicate, status and day
 * bounds. A view asks for an entity's claims with some predicates (an organization's
 * successions, its leaders at a date); with these the store filters on the index entries and
 * reads only the claims it returns, instead of every claim that names the entity (hundreds of
 * memberships for a large organization). They replace the one-column subject and object indexes,
 * which are their prefixes. Likewise claims by proposition, then stance and status: whether a
 * claim is contested (another claim, not rejected, takes the other stance) is answered from the
 * index alone.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists claim_subject_reads on claim (subject_id, predicate, status, t_lo, t_hi)`.execute(db);
  await sql`create index if not exists claim_object_reads on claim (object_id, predicate, status, t_lo, t_hi)`.execute(db);
  await sql`create index if not exists claim_proposition_stance on claim (proposition, stance, status)`.execute(db);
  await sql`drop index if exists claim_subject_id`.execute(db);
  await sql`drop index if exists claim_object_id`.execute(db);
  await sql`drop index if exists claim_proposition`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists claim_subject_id on claim (subject_id)`.execute(db);
  await sql`create index if not exists claim_object_id on claim (object_id)`.execute(db);
  await sql`create index if not exists claim_proposition on claim (proposition)`.execute(db);
  await sql`drop index if exists claim_subject_reads`.execute(db);
  await sql`drop index if exists claim_object_reads`.execute(db);
  await sql`drop index if exists claim_proposition_stance`.execute(db);
}
