// Creates and applies Prisma migrations through Prisma's own WebAssembly schema
// engine, because the native engine binary cannot be downloaded on our machines.
// The SQL files and the _prisma_migrations table are the standard ones, so
// `prisma migrate deploy` stays valid wherever the native engine exists.
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as wasmEngine from '@prisma/schema-engine-wasm/schema_engine_bg'
import { poolConfigFromUrl } from '../../lib/db/url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const schemaPath = join(root, 'prisma', 'schema.prisma')
export const migrationsDir = join(root, 'prisma', 'migrations')
const noFilter = { externalTables: [], externalEnums: [] }

let wasmReady: Promise<void> | undefined
function loadWasm() {
  wasmReady ??= (async () => {
    const bgModule = fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
    const bytes = await readFile(join(dirname(bgModule), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': wasmEngine })
    wasmEngine.__wbg_set_wasm(instance.exports)
    ;(instance.exports.__wbindgen_start as () => void)()
  })()
  return wasmReady
}

const PG_CHAR_OID = 18
const PG_TEXT_OID = 25

/**
 * A pool whose results report PostgreSQL's one-byte "char" columns (pg_catalog's
 * relkind and friends, read when the engine describes a schema) as text: the pg
 * adapter has no mapping for that type and would refuse the whole query.
 */
function describablePool(config: pg.PoolConfig) {
  const pool = new pg.Pool(config)
  const relabel = (result: pg.QueryResult | undefined) => {
    for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID
    return result
  }
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown
    Object.assign(client, {
      query: (...args: unknown[]) => {
        const callback = args.at(-1)
        if (typeof callback === 'function') {
          // pg's pool calls client.query with a callback
          const done = callback as (error: Error | null, result: pg.QueryResult | undefined) => void
          args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => done(error, relabel(result))
          return query(...args)
        }
        return (query(...args) as Promise<pg.QueryResult>).then(relabel)
      },
    })
  })
  return pool
}

/**
 * The pg adapter factory for the schema engine. Its shadow database (used to
 * diff the migrations folder) is dropped only after its connections are closed;
 * the stock factory drops it first, which PostgreSQL refuses.
 */
class MigrationAdapterFactory extends PrismaPg {
  readonly pool: pg.Pool

  constructor(private readonly poolConfig: pg.PoolConfig) {
    const pool = describablePool(poolConfig)
    super(pool)
    this.pool = pool
  }

  override async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`
    await this.pool.query(`CREATE DATABASE "${name}"`)
    const shadowPool = describablePool({ ...this.poolConfig, database: name })
    const shadow = await new PrismaPg(shadowPool).connect()
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await shadowPool.end()
      await this.pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
    return shadow
  }
}

/** Runs `work` with a schema engine on `databaseUrl`, then releases the engine and its connections. */
async function withEngine<T>(databaseUrl: string, schema: string, work: (engine: wasmEngine.SchemaEngine) => Promise<T>) {
  await loadWasm()
  // Explicit fields (not a connection string) so the shadow database the engine
  // creates for `diff` really gets its own database name. Our own pool, so it can be closed.
  const factory = new MigrationAdapterFactory({ ...poolConfigFromUrl(databaseUrl), allowExitOnIdle: true })
  const adapter = bindMigrationAwareSqlAdapterFactory(factory)
  const log = (line: string) => {
    if (process.env.FACTMARK_DEBUG_MIGRATIONS) console.error(line)
  }
  const engine = await wasmEngine.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, log, adapter)
  try {
    return await work(engine)
  } finally {
    engine.free()
    await factory.pool.end()
  }
}

async function readMigrations() {
  await mkdir(migrationsDir, { recursive: true })
  const entries = await readdir(migrationsDir, { withFileTypes: true })
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const lockPath = join(migrationsDir, 'migration_lock.toml')
  const lock = await readFile(lockPath, 'utf8').catch(() => null)
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (path) => ({
        path,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(migrationsDir, path, 'migration.sql'), 'utf8').then(
            (sql) => ({ tag: 'ok' as const, value: sql }),
            (err: Error) => ({ tag: 'error' as const, value: err.message }),
          ),
        },
      })),
    ),
  }
}

/**
 * Applies every migration not yet applied, or only those up to `through` (a migration's
 * folder name: the upgrade test builds databases as earlier releases left them); returns the names applied now.
 */
export async function applyMigrations(databaseUrl: string, { through }: { through?: string } = {}): Promise<string[]> {
  const migrationsList = await readMigrations()
  if (through) migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((migration) => migration.path <= through)
  return withEngine(databaseUrl, await readFile(schemaPath, 'utf8'), async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilter })
    return result.appliedMigrationNames
  })
}

/** Writes a new migration with the SQL between the migrations folder and the schema; null when nothing changed. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const schema = await readFile(schemaPath, 'utf8')
  const migrationsList = await readMigrations()
  return withEngine(databaseUrl, schema, async (engine) => {
    const diff = await engine.diff({
      from: migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    })
    if (diff.exitCode !== 2 || !diff.stdout) return null
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
    const dir = `${stamp}_${name.replace(/[^a-zA-Z0-9_]+/g, '_')}`
    await mkdir(join(migrationsDir, dir), { recursive: true })
    await writeFile(join(migrationsDir, dir, 'migration.sql'), diff.stdout)
    if (!migrationsList.lockfile.content) {
      await writeFile(
        join(migrationsDir, 'migration_lock.toml'),
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      )
    }
    return dir
  })
}
