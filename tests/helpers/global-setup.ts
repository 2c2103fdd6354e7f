// A fresh database per test run: on TEST_DATABASE_URL's server a new database is created, migrated and
// dropped at the end; without it every test file gets its own in-memory PGlite.
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { migrateDatabase, openDatabase } from '../../db';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    console.log('[tests] TEST_DATABASE_URL is not set: using in-memory PGlite; PostgreSQL-only race tests are skipped.');
    project.provide('databaseUrl', '');
    return;
  }
  const name = `sms_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  console.log(`[tests] PostgreSQL database ${name} created and migrated.`);
  project.provide('databaseUrl', url.toString());
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
