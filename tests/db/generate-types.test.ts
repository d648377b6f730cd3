import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { generateTypes } from '../../scripts/db/generate-types.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// db:types' built-in generator (used on PGlite, and where the CLI's Docker image is unavailable).
describe(`generated database types (${engineName})`, () => {
  let t: TestDatabase;
  let types: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    types = await generateTypes(t.db);
  });
  afterAll(() => t.drop());

  it('describes rows, inserts (defaults optional) and relationships the Supabase way', () => {
    expect(types).toMatch(/leads: \{\n\s+Row: \{[^}]*\n\s+status_id: string\n/);
    expect(types).toMatch(/Insert: \{[^}]*\n\s+full_name: string\n(?:[^}]*\n)?\s+id\?: string\n/);
    expect(types).toContain('assigned_to: string | null');
    expect(types).toContain(
      'foreignKeyName: "leads_pipeline_status_fkey"; columns: ["pipeline_id","status_id"]',
    );
    expect(types).toContain("export type Tables<T extends keyof Schema['Tables']>");
  });

  it('makes defaulted function arguments optional, as the CLI does', () => {
    expect(types).toContain(
      'sync_pull: { Args: { client_id?: string; since?: string; page?: Json; page_size?: number }; Returns: Json }',
    );
    expect(types).toContain(
      'sync_push: { Args: { client_id: string; mutations: Json }; Returns: Json }',
    );
  });

  it('is what src/lib/database.types.ts holds (run `npm run db:types` after a migration)', () => {
    const committed = readFileSync(
      new URL('../../src/lib/database.types.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(types);
  });

  it('parses as TypeScript', () => {
    const out = ts.transpileModule(types, {
      reportDiagnostics: true,
      compilerOptions: { strict: true },
    });
    expect(out.diagnostics ?? []).toEqual([]);
  });
});
