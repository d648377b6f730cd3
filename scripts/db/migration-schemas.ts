import { listMigrationFiles, readSqlFile } from '../../server/db/migration-files.ts';

// `create schema [if not exists] name` at the start of a line, outside `--` comments. Migrations
// create schemas as plain top-level statements; a schema made inside a function body would be
// unusual enough to list by hand.
const CREATE_SCHEMA =
  /^\s*create\s+schema\s+(?:if\s+not\s+exists\s+)?("?)([A-Za-z_][A-Za-z0-9_$]*)\1/gim;

/** Every schema the migration files create, in file order. */
export function schemasCreatedByMigrations(migrationsDir: string): string[] {
  const schemas: string[] = [];
  for (const file of listMigrationFiles(migrationsDir)) {
    const sql = readSqlFile(file.path).replace(/--.*$/gm, '');
    for (const match of sql.matchAll(CREATE_SCHEMA)) {
      const [, quoted, name] = match;
      if (name === undefined) continue;
      const schema = quoted ? name : name.toLowerCase();
      if (!schemas.includes(schema)) schemas.push(schema);
    }
  }
  return schemas;
}
