// `npm run db:migrate`: applies pending migrations and seeds reference data on the database named by
// DATABASE_URL (the embedded PGlite by default). The bot does the same at every start. While the bot
// runs on the embedded database, this works on the bot's database through its socket.
import { loadEnvironmentFile } from '../config.js';
import { DatabaseInUseError } from '../db/database.js';
import { openCommandDatabase } from './command-database.js';
import { seedReferenceData } from '../db/seed.js';
import { seedCaseStudies } from '../db/seed-case-studies.js';

loadEnvironmentFile();
let database;
try {
  database = await openCommandDatabase('npm run db:migrate');
} catch (error) {
  if (!(error instanceof DatabaseInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
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
