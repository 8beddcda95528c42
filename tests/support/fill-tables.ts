// Fills every table of a database with rows, whatever its schema, from PostgreSQL's own
// catalog: parents before children, foreign keys pointing at real rows, a value of the
// right type (enum labels in turn) in every column that is not generated. The upgrade test
// uses it on databases as earlier migrations left them, where the app's code cannot run.
import pg from 'pg'

interface Column {
  table: string
  column: string
  type: string
  category: string
  nullable: boolean
  generated: boolean
  enumLabels: string[] | null
}

interface ForeignKey {
  table: string
  column: string
  references: string
  referencedColumn: string
}

/** Every user table and its columns (generated ones marked), in the public schema, except Prisma's migrations table. */
export async function tableColumns(client: pg.Client): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<Column>(`
    SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type, t.typcategory AS category,
           NOT a.attnotnull AS nullable, a.attgenerated <> '' AS generated,
           (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS "enumLabels"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`)
  const tables = new Map<string, Column[]>()
  for (const row of rows) tables.set(row.table, [...(tables.get(row.table) ?? []), row])
  return tables
}

async function foreignKeys(client: pg.Client): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey & { columns: number }>(`
    SELECT c.relname AS "table", a.attname AS "column", r.relname AS "references", ra.attname AS "referencedColumn", cardinality(k.conkey) AS columns
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
    JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
    WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace`)
  if (rows.some((row) => row.columns !== 1)) throw new Error('fillEveryTable handles single-column foreign keys only')
  return rows
}

/** Parents before children (a table's references to itself aside). */
function insertionOrder(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = []
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return
    if (path.has(table)) throw new Error(`Foreign keys form a cycle through ${table}`)
    for (const key of keys) if (key.table === table && key.references !== table) visit(key.references, new Set([...path, table]))
    ordered.push(table)
  }
  for (const table of tables) visit(table, new Set())
  return ordered
}

/** A value for row `i` of a column, by its type. */
function valueFor(column: Column, i: number): unknown {
  if (column.enumLabels) return column.enumLabels[i % column.enumLabels.length]
  switch (column.category) {
    case 'N':
      return column.type.startsWith('numeric') || column.type.startsWith('double') || column.type === 'real' ? i + 0.5 : i + 1
    case 'B':
      return i % 2 === 0
    case 'D':
      return new Date(Date.UTC(2024, 0, 1 + i, 9, 30, i)).toISOString()
    case 'A':
      return '{}'
    case 'U':
      if (column.type === 'jsonb' || column.type === 'json') return JSON.stringify({ filled: `${column.table}.${column.column}`, row: i })
      if (column.type === 'uuid') return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
      if (column.type === 'bytea') return Buffer.from(`${column.table}.${column.column}.${i}`)
      break
    case 'S':
      return `${column.table}.${column.column} #${i} – “Ünïcödé”, a tab\there`.slice(0, lengthLimit(column.type))
  }
  throw new Error(`fillEveryTable has no value for ${column.table}.${column.column} (${column.type})`)
}

const lengthLimit = (type: string) => Number(/\((\d+)\)/.exec(type)?.[1] ?? 10_000)

/** Inserts `rowsPerTable` rows into every table; row i of a child points at row i of its parent. */
export async function fillEveryTable(url: string, rowsPerTable = 3) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tables = await tableColumns(client)
    const keys = await foreignKeys(client)
    const inserted = new Map<string, Record<string, unknown>[]>()
    for (const table of insertionOrder([...tables.keys()], keys)) {
      const columns = tables.get(table)!.filter((column) => !column.generated)
      const rows: Record<string, unknown>[] = []
      for (let i = 0; i < rowsPerTable; i++) {
        const row: Record<string, unknown> = {}
        for (const column of columns) {
          const key = keys.find((k) => k.table === table && k.column === column.column)
          if (key?.references === table)
            row[column.column] = i > 0 ? rows[i - 1][key.referencedColumn] : null // a reply to the row before
          else if (key) row[column.column] = inserted.get(key.references)![i][key.referencedColumn]
          else row[column.column] = valueFor(column, i)
        }
        const names = columns.map((column) => `"${column.column}"`).join(', ')
        const values = columns.map((column, n) => `$${n + 1}::${column.type}`).join(', ')
        await client.query(
          `INSERT INTO "${table}" (${names}) VALUES (${values})`,
          columns.map((column) => row[column.column]),
        )
        rows.push(row)
      }
      inserted.set(table, rows)
    }
    return [...inserted.keys()]
  } finally {
    await client.end()
  }
}
