// Prisma's schema engine compiled to WebAssembly. The Prisma CLI would download a native engine, which
// cannot be done offline; the WebAssembly build ships in an npm package and talks to the database
// through our own driver adapter, and it keeps Prisma's standard `_prisma_migrations` table.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as EngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { splitSqlScript } from './sql-script.js';

export type { SchemaEngine } from '@prisma/schema-engine-wasm';

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Node 20 has WebAssembly, but @types/node 20 does not declare it; this is the one call we make. */
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }> };
};

type Bindings = typeof EngineBindings;

let loaded: Promise<Bindings> | undefined;

/**
 * Node 20 cannot import a `.wasm` module without a flag, so the module is instantiated by hand, as
 * wasm-bindgen's generated glue expects: instantiate with the glue as imports, then hand it the exports.
 */
function loadBindings(): Promise<Bindings> {
  loaded ??= (async () => {
    const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return loaded;
}

/** Opens a schema engine on the database behind `adapter`, for the given Prisma schema text. */
export async function openSchemaEngine(adapter: SqlMigrationAwareDriverAdapterFactory, schema: string): Promise<SchemaEngine> {
  const bindings = await loadBindings();
  const factory = bindMigrationAwareSqlAdapterFactory(withStatementSplitting(adapter));
  // The engine reports progress through this callback; migrations are logged by our caller instead.
  const ignoreEngineLog = (): void => undefined;
  return bindings.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, ignoreEngineLog, factory);
}

/** The adapter's scripts run statement by statement as `splitSqlScript` cuts them (function bodies whole). */
function withStatementSplitting(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (connection: SqlDriverAdapter): SqlDriverAdapter => {
    connection.executeScript = async (script) => {
      for (const sql of splitSqlScript(script)) await connection.executeRaw({ sql, args: [], argTypes: [] });
    };
    return connection;
  };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}
