// Named prepared statements for every query Drizzle sends over postgres.js.
//
// Drizzle's postgres.js session passes `prepare: false` for every query not given a name (all of ours), so
// postgres.js sends each one unnamed: PostgreSQL parses and plans it on every execution, and the driver
// decodes its row description every time. With `prepare: true` postgres.js prepares each distinct statement
// text once per connection and then only binds and executes it. On the bench's send (docs/benchmarks.md) that
// was a fifth of our server's CPU per request, and the node:http baseline had it all along (postgres.js's
// default). Statement texts are bounded: Drizzle writes parameters as $n, bulk inserts pass arrays (unnest).
//
// DATABASE_PREPARE=0 turns it off, for a pooler in transaction mode (PgBouncer before 1.21), which cannot
// keep a connection's prepared statements (docs/scaling.md).
import type { Sql } from 'postgres';

type Unsafe = Sql['unsafe'];

export function preparedStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return ((query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never, { ...options, prepare: true })) as Unsafe;
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const original = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        // The transaction's (or savepoint's) own client prepares too: (fn) or (options, fn).
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const fn = args[last] as (tx: Sql) => unknown;
          return original.apply(target, [...args.slice(0, last), (tx: Sql) => fn(preparedStatements(tx))]);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
