// `npm run db:migrate`: applies pending migrations and seeds reference data on the database named by
// DATABASE_URL (the embedded PGlite by default). The bot does the same at every start.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { seedReferenceData } from '../db/seed.js';
import { seedCaseStudies } from '../db/seed-case-studies.js';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl);
try {
  const applied = await database.migrate();
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  const seeded = await seedReferenceData(database.prisma);
  console.log(
    `Reference data: ${seeded.regions} regions, ${seeded.peoplePromiseElements} People Promise elements, ` +
      `${seeded.staffGroups} staff groups, ${seeded.organisations} organisations.`,
  );
  const cases = await seedCaseStudies(database.prisma);
  console.log(`Starter case studies: ${cases.created} added, ${cases.updated} updated, ${cases.unchanged} unchanged.`);
} finally {
  await database.close();
}
