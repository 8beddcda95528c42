// Numbers from requests are bounded to what their PostgreSQL columns hold: an unbounded
// `version` of 2^53 - 1 reached `UPDATE ... WHERE version = $1` and failed with a 500 (found by
// the fuzz test). Every zod number in lib/ and app/ states its maximum where it is made, and
// versions and offsets use lib/validation.ts's building blocks.
import { readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { count, rowVersion } from '../validation'
import { ROOT, sourceFiles } from './testing/source-files'

/** Files whose zod numbers never see a request. Each entry says why. */
const NOT_REQUEST_INPUT: Record<string, string> = {
  'lib/suggestions/external-set.ts': 'reads the benchmark data folder (ids of labelled sentences)',
}

function unboundedNumbers() {
  const found: string[] = []
  for (const file of [...sourceFiles('lib'), ...sourceFiles('app')]) {
    const where = relative(ROOT, file)
    if (where in NOT_REQUEST_INPUT) continue
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\bz\.(?:number|int|bigint|coerce\.number)\(\)[^\n]*/g)) {
      if (!match[0].includes('.max(')) found.push(`${where}:${text.slice(0, match.index).split('\n').length}`)
    }
  }
  return found
}

describe('numbers in input schemas', () => {
  it('each state their maximum where they are made', () => {
    expect(unboundedNumbers()).toEqual([])
  })

  it('refuse what no column holds, and take its largest value', () => {
    expect(rowVersion.safeParse(Number.MAX_SAFE_INTEGER).success).toBe(false)
    expect(rowVersion.safeParse(2_147_483_648).success).toBe(false)
    expect(rowVersion.safeParse(2_147_483_647).success).toBe(true)
    expect(rowVersion.safeParse(0).success).toBe(false)
    expect(count.safeParse(-1).success).toBe(false)
    expect(count.safeParse(0).success).toBe(true)
    expect(count.safeParse(1.5).success).toBe(false)
  })

  it('are all checked: each exemption names a file that still exists', () => {
    for (const file of Object.keys(NOT_REQUEST_INPUT)) expect(statSync(join(ROOT, file)).isFile(), file).toBe(true)
  })
})
