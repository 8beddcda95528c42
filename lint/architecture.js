// Factmark's layering as lint rules (docs/architecture.md says why):
// - every lib/ module that reaches the database starts with `import 'server-only'`;
// - components/ import only pure lib/ modules (types from anywhere: they vanish at build);
// - lib/ never imports app/ or components/;
// - anchoring, suggestions and the export serializers stay pure: no database, server or framework.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const MARKER = /^import ['"]server-only['"]/m
/** Packages that only a server module may use. */
const SERVER_PACKAGES = /^(server-only|pg|@prisma\/adapter-pg|next\/headers|node:)/

const markerCache = new Map()
function isServerModule(file) {
  if (!markerCache.has(file)) {
    let text = ''
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      // unreadable: not a server module
    }
    markerCache.set(file, MARKER.test(text))
  }
  return markerCache.get(file)
}

/** The project file an import names, or null for a package. */
function resolveImport(fromFile, specifier) {
  let base
  if (specifier.startsWith('@/')) base = join(root, specifier.slice(2))
  else if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

const area = (file) => relative(root, file).split(sep)
const isTest = (file) => /\.test\.tsx?$/.test(file) || area(file).includes('testing')
/** Generated Prisma client with values (the namespace, errors, DbNull): the database itself. */
const isPrismaRuntime = (file) => /lib\/generated\/prisma\/(client|internal\/)/.test(file.split(sep).join('/'))

function importsOf(node) {
  // import x from, export * from, export { x } from, import('x')
  const typeOnly =
    node.importKind === 'type' ||
    node.exportKind === 'type' ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'))
  return { specifier: node.source?.value, typeOnly }
}

function visitImports(context, check) {
  const visit = (node) => {
    if (!node.source || typeof node.source.value !== 'string') return
    const { specifier, typeOnly } = importsOf(node)
    check(node, specifier, typeOnly, resolveImport(context.filename, specifier))
  }
  return {
    ImportDeclaration: visit,
    ExportAllDeclaration: visit,
    ExportNamedDeclaration: visit,
    ImportExpression: visit,
  }
}

const serverOnly = {
  meta: {
    type: 'problem',
    docs: { description: "A lib/ module that reaches the database (or any server module) starts with import 'server-only'." },
    messages: {
      missing: "This module reaches the server through '{{specifier}}': start it with import 'server-only'.",
      notFirst: "import 'server-only' comes first, before the other imports.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename
    if (area(file)[0] !== 'lib' || isTest(file)) return {}
    const text = context.sourceCode.text
    const marked = MARKER.test(text)
    const program = context.sourceCode.ast
    const imports = program.body.filter((n) => n.type === 'ImportDeclaration')
    if (marked && imports[0]?.source.value !== 'server-only') {
      context.report({ node: imports.find((n) => n.source.value === 'server-only') ?? program, messageId: 'notFirst' })
    }
    if (marked) return {}
    return visitImports(context, (node, specifier, typeOnly, target) => {
      if (typeOnly) return
      const server = target ? isServerModule(target) || isPrismaRuntime(target) : SERVER_PACKAGES.test(specifier) && specifier !== 'server-only'
      if (server && !(target === null && specifier.startsWith('node:'))) {
        context.report({ node, messageId: 'missing', data: { specifier } })
      }
    })
  },
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Which layer may import which: see docs/architecture.md.' },
    messages: {
      upward: 'lib/ is the domain: it never imports from {{layer}}/ ({{specifier}}).',
      serverInBrowser: "components/ import only pure lib/ modules: '{{specifier}}' is server code (import its types with `import type`).",
      impure: '{{folder}} stays pure: no {{what}} ({{specifier}}).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const [top, domain] = area(file)
    if (top !== 'lib' && top !== 'components') return {}
    const pure = top === 'lib' && PURE_FOLDERS.has(domain) && !DATA_MODULES.has(relative(root, file).split(sep).join('/')) && !isTest(file)
    return visitImports(context, (node, specifier, typeOnly, target) => {
      const [targetTop] = target ? area(target) : []
      if (top === 'lib' && (targetTop === 'app' || targetTop === 'components')) {
        context.report({ node, messageId: 'upward', data: { layer: targetTop, specifier } })
      }
      if (typeOnly) return
      const server = target ? isServerModule(target) || isPrismaRuntime(target) : SERVER_PACKAGES.test(specifier) && !specifier.startsWith('node:')
      if (top === 'components' && server) context.report({ node, messageId: 'serverInBrowser', data: { specifier } })
      if (pure) {
        const what = server ? 'database or server module' : FRAMEWORKS.test(specifier) ? 'framework' : null
        if (what) context.report({ node, messageId: 'impure', data: { folder: `lib/${domain}`, what, specifier } })
      }
    })
  },
}

/** Domains that are pure but for the named data modules beside them. */
const PURE_FOLDERS = new Set(['anchoring', 'suggestions', 'export'])
const DATA_MODULES = new Set(['lib/suggestions/article-suggestions.ts', 'lib/export/report.ts'])
const FRAMEWORKS = /^(react|react-dom|next|next-auth|@tiptap\/)(\/|$)/

export default { meta: { name: 'factmark-architecture' }, rules: { 'server-only': serverOnly, layers } }
