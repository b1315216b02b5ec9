import { sql, type Kysely } from 'kysely';

/**
 * Transparency and supervision (issue 6): pre-aggregated public statistics, the published
 * complaint database, group complaints, providers' fee schedules and consumer alerts. Frozen
 * like every migration: it imports nothing from the application.
 */
type AnyDb = Kysely<unknown>;

/** The counters every statistics cell carries; one delta updates them all at once. */
const CELL_COUNTERS = [
  'complaints',
  'claimed_fen',
  'recovered_fen',
  'outcome_refunded',
  'outcome_partly',
  'outcome_rejected',
  'outcome_no_answer',
  'outcome_pending',
  'filings_due',
  'filings_on_time',
  'filings_answered',
] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('case_stats')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('contribution', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  let cells = db.schema
    .createTable('stats_cells')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull());
  for (const counter of CELL_COUNTERS) {
    cells = cells.addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0));
  }
  await cells
    .addPrimaryKeyConstraint('stats_cells_pk', [
      'grain',
      'provider',
      'category',
      'province',
      'city',
      'month',
    ])
    .execute();

  await db.schema
    .createTable('stats_answer_days')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('filings', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stats_answer_days_pk', [
      'grain',
      'provider',
      'category',
      'province',
      'city',
      'month',
      'days',
    ])
    .execute();

  await db.schema
    .createTable('stats_weeks')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('complaints', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stats_weeks_pk', ['provider', 'category', 'week'])
    .execute();
  await db.schema.createIndex('stats_weeks_week').on('stats_weeks').column('week').execute();

  await db.schema
    .createTable('public_complaints')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    // The id the public sees: a case id appears nowhere outside its owner's and respondents' view.
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('claim_fen', 'bigint', (c) => c.notNull())
    .addColumn('recovered_fen', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_complaints_published')
    .on('public_complaints')
    .columns(['published_at', 'public_id'])
    .execute();
  await db.schema
    .createIndex('public_complaints_provider')
    .on('public_complaints')
    .columns(['provider', 'published_at', 'public_id'])
    .execute();
  await db.schema
    .createIndex('public_complaints_category')
    .on('public_complaints')
    .columns(['category', 'published_at', 'public_id'])
    .execute();

  await db.schema
    .createTable('complaint_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text')
    .execute();
  // One open group per provider and category: merchants joining together land in the same one.
  await db.schema
    .createIndex('complaint_groups_one_open')
    .on('complaint_groups')
    .columns(['provider', 'category'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) =>
      c.notNull().references('complaint_groups.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('claim_fen', 'bigint', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'case_id'])
    .execute();
  await db.schema.createIndex('group_members_case').on('group_members').column('case_id').execute();
  await db.schema
    .createTable('group_filings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) =>
      c.notNull().references('complaint_groups.id').onDelete('cascade'),
    )
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('due_date', 'text')
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('group_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) =>
      c.notNull().references('complaint_groups.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('group_events_seq', ['group_id', 'seq'])
    .execute();

  await db.schema
    .createTable('fee_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fee_schedules_version', ['organization_id', 'version'])
    .execute();
  await db.schema
    .createIndex('fee_schedules_provider')
    .on('fee_schedules')
    .columns(['provider_name', 'effective_from'])
    .execute();
  await db.schema.alterTable('contract_versions').addColumn('fee_schedule_id', 'text').execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // provider|category|week: the job on several instances proposes each spike once.
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('alerts_status')
    .on('alerts')
    .columns(['status', 'published_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'alerts',
    'fee_schedules',
    'group_events',
    'group_filings',
    'group_members',
    'complaint_groups',
    'public_complaints',
    'stats_weeks',
    'stats_answer_days',
    'stats_cells',
    'case_stats',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('contract_versions').dropColumn('fee_schedule_id').execute();
}
