// Every regular expression Factmark applies to input runs in time linear in that input: a
// ReDoS analyser (recheck, https://makenowjust-labs.github.io/recheck/) checks each one.
// The registry is the source itself: every regular-expression literal in lib/, app/ and
// components/ is found by TypeScript's parser, so a new one is checked without anyone
// remembering to list it. Patterns built at run time (`new RegExp(...)`) cannot be found that
// way: each is exported by its module and listed in DYNAMIC below, and a `new RegExp` in a
// file not listed there fails the test until it is.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { checkSync } from 'recheck'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT, sourceFiles } from './testing/source-files'
import { AGENCY_TRAILER } from '../import/clean-text'
import { ANSI_COLOUR } from '../server/logger'
import { TOKEN } from '../suggestions/features'

const SOURCE_FOLDERS = ['lib', 'app', 'components', 'proxy.ts']

/**
 * Patterns built at run time, by the file that builds them: the patterns, or why the analyser
 * is not the right check for them (and what is).
 */
const DYNAMIC: Record<string, (() => RegExp[]) | { checkedBy: string }> = {
  'lib/import/clean-text.ts': () => [AGENCY_TRAILER],
  // The analyser's fuzzer reports a quadratic case that V8 runs in linear time (its attack string is
  // run against extractNumbers there).
  'lib/matching/numbers.ts': { checkedBy: "lib/matching/numbers.test.ts: 'runs in linear time on the analyser's attack'" },
  'lib/server/logger.ts': () => [ANSI_COLOUR],
  'lib/suggestions/features.ts': () => [TOKEN],
  // The suggestion rules: hundreds of alternatives per rule, which the analyser cannot decide
  // within minutes. They only ever run on one sentence at a time (./segment.ts), and the
  // pathological inputs there include the analyser's own attack strings for them.
  'lib/suggestions/compile.ts': { checkedBy: "lib/suggestions/detect.test.ts: 'returns on pathological input'" },
}

interface Found {
  where: string
  source: string
  flags: string
}

function scan() {
  const literals: Found[] = []
  const constructed = new Set<string>()
  for (const folder of SOURCE_FOLDERS) {
    for (const file of sourceFiles(folder)) {
      const name = relative(ROOT, file)
      const text = readFileSync(file, 'utf8')
      const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText(sourceFile)
          const slash = literal.lastIndexOf('/')
          const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1
          literals.push({ where: `${name}:${line}`, source: literal.slice(1, slash), flags: literal.slice(slash + 1) })
        }
        if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          constructed.add(name)
        }
        ts.forEachChild(node, visit)
      }
      visit(sourceFile)
    }
  }
  return { literals, constructed }
}

/** The analyser's verdict: null when the pattern is safe, else why not. */
function problem({ source, flags }: Pick<Found, 'source' | 'flags'>): string | null {
  const result = checkSync(source, flags.replace(/[gy]/g, ''), { timeout: 10_000, randomSeed: 16 })
  if (result.status === 'safe') return null
  if (result.status === 'vulnerable') return `${result.complexity.summary}, e.g. ${JSON.stringify(result.attack.pattern)}`
  return `not proven safe (${result.error.kind})`
}

const { literals, constructed } = scan()

describe('regular expressions (ReDoS)', () => {
  it('finds the literals (the control: the scan sees the source)', () => {
    expect(literals.length).toBeGreaterThan(100)
    expect(literals.some((found) => found.where.startsWith('lib/import/preview.ts'))).toBe(true)
  })

  it('every pattern built at run time is in the registry', () => {
    expect([...constructed].sort()).toEqual(Object.keys(DYNAMIC).sort())
  })

  it('the analyser catches the kinds of pattern that froze the import preview (the control)', () => {
    expect(problem({ source: String.raw`^(?:<!--[\s\S]*?-->\s*)*<html`, flags: 'i' })).toMatch(/exponential/)
    expect(problem({ source: String.raw`\[[^\]\n]+\]\([^)\s]+\)`, flags: '' })).toMatch(/polynomial/)
    expect(problem({ source: String.raw`\s+[|:-]\s+`, flags: '' })).toMatch(/polynomial/)
  })

  it('no literal in lib/, app/ or components/ backtracks super-linearly', { timeout: 600_000 }, () => {
    const bad = literals.flatMap((found) => {
      const why = problem(found)
      return why ? [`${found.where} /${found.source}/${found.flags}: ${why}`] : []
    })
    expect(bad).toEqual([])
  })

  it('no pattern built at run time backtracks super-linearly', { timeout: 600_000 }, () => {
    const bad = Object.entries(DYNAMIC).flatMap(([file, patterns]) =>
      (typeof patterns === 'function' ? patterns() : []).flatMap((pattern) => {
        const why = problem(pattern)
        return why ? [`${file} /${pattern.source.slice(0, 120)}…/${pattern.flags}: ${why}`] : []
      }),
    )
    expect(bad).toEqual([])
  })
})
