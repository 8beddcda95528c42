// A Node port of the way the W3C annotation-model test runner
// (web-platform-tests annotation-model/scripts/JSONtest.js) evaluates a `.test`
// file: assertions (files, inline objects, nested lists, condition objects
// with compareWith "and"/"or") are JSON Schema draft-04 documents validated in
// order; `expectedResult` says whether the content should be valid;
// `onUnexpectedResult` decides whether the run continues, skips the rest of its
// list or aborts; `skipFailures` lists assertion types (should/may) whose
// failures are not reported. Ajv runs with the runner's options
// ({ allErrors: true, validateSchema: false }) plus `strict: false` for the
// suite's own keywords, and the suite's definitions/ are preloaded.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Ajv04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'

type Json = Record<string, unknown>

export interface AssertionOutcome {
  /** The assertion's file, relative to the suite root ("inline" for inline objects). */
  file: string
  title: string
  assertionType: 'must' | 'should' | 'may'
  /** pass/fail as JSONtest reports them; "skipped" after a failAndSkip/abort; "failure-not-reported" for skipFailures types. */
  result: 'pass' | 'fail' | 'skipped' | 'failure-not-reported'
  errors?: string
}

export interface JsonTestFile {
  name: string
  skipFailures?: string[]
  assertions: unknown[]
}

export class JsonTestSuite {
  private readonly ajv: Ajv04
  private readonly cache = new Map<string, ValidateFunction>()

  constructor(readonly root: string) {
    this.ajv = new Ajv04({ allErrors: true, validateSchema: false, strict: false })
    addFormats(this.ajv)
    const definitions = join(root, 'definitions')
    for (const name of readdirSync(definitions)
      .filter((file) => file.endsWith('.json'))
      .sort()) {
      this.ajv.addSchema(this.readJson(join(definitions, name)))
    }
  }

  private readJson(path: string): Json {
    return JSON.parse(readFileSync(path, 'utf8')) as Json
  }

  /** Like JSONtest's _parseURI: no slash → beside the test file; otherwise from the suite root. */
  private resolve(ref: string, testDir: string): string {
    return ref.includes('/') ? join(this.root, ref) : join(testDir, ref)
  }

  loadTest(testFile: string): JsonTestFile {
    return this.readJson(join(this.root, testFile)) as unknown as JsonTestFile
  }

  /** The assertion files a `.test` file names, nested lists and condition objects included, in order. */
  assertionFiles(testFile: string): string[] {
    const files: string[] = []
    const walk = (entries: unknown[]) => {
      for (const entry of entries) {
        if (typeof entry === 'string') files.push(entry)
        else if (Array.isArray(entry)) walk(entry)
        else if (entry && typeof entry === 'object') {
          const object = entry as Json
          if (typeof object.assertionFile === 'string') files.push(object.assertionFile)
          if (Array.isArray(object.assertions)) walk(object.assertions)
        }
      }
    }
    walk(this.loadTest(testFile).assertions)
    return files
  }

  private schemaFor(entry: unknown, testDir: string): { schema: Json; file: string } {
    if (typeof entry === 'string') return { schema: this.readJson(this.resolve(entry, testDir)), file: entry }
    const object = entry as Json
    if (typeof object.assertionFile === 'string') {
      // An object that references an external assertion overrides its properties.
      const external = this.readJson(this.resolve(object.assertionFile, testDir))
      const { assertionFile, ...overrides } = object
      return { schema: { ...external, ...overrides }, file: assertionFile }
    }
    return { schema: object, file: 'inline' }
  }

  private validator(schema: Json, file: string): ValidateFunction {
    const key = file === 'inline' ? JSON.stringify(schema) : `${file}\u0000${JSON.stringify(schema)}`
    let validate = this.cache.get(key)
    if (!validate) {
      validate = this.ajv.compile(schema)
      this.cache.set(key, validate)
    }
    return validate
  }

  /** Validates one schema document (an assertion file, by suite path) without the runner's bookkeeping. */
  check(file: string, content: unknown): { valid: boolean; errors: string } {
    const { schema } = this.schemaFor(file, this.root)
    const validate = this.validator(schema, file)
    const valid = validate(content)
    return { valid, errors: valid ? '' : this.ajv.errorsText(validate.errors) }
  }

  /** Runs every assertion of `testFile` against `content`, the way JSONtest.js does. */
  run(testFile: string, content: unknown): AssertionOutcome[] {
    const test = this.loadTest(testFile)
    const testDir = dirname(join(this.root, testFile))
    const skipFailures = Array.isArray(test.skipFailures) ? test.skipFailures : []
    const outcomes: AssertionOutcome[] = []

    const textOf = (value: unknown) => (typeof value === 'string' ? value : '')
    const typeOf = (schema: Json): AssertionOutcome['assertionType'] => {
      const type = typeof schema.assertionType === 'string' ? schema.assertionType.toLowerCase() : 'must'
      return type === 'should' || type === 'may' ? type : 'must'
    }
    const actionAfter = (schema: Json, asExpected: boolean): 'continue' | 'skip' | 'abort' => {
      if (asExpected) return 'continue'
      const on = typeof schema.onUnexpectedResult === 'string' ? schema.onUnexpectedResult : 'failAndContinue'
      if (on.endsWith('AndSkip')) return 'skip'
      if (on.endsWith('AndAbort')) return 'abort'
      return 'continue'
    }

    /** Runs a list; returns the action it ends with and each assertion's "as expected" result. */
    const runList = (entries: unknown[], inherited: 'continue' | 'skip' | 'abort'): { action: 'continue' | 'skip' | 'abort'; results: boolean[] } => {
      let action = inherited
      const results: boolean[] = []
      for (const entry of entries) {
        if (action === 'abort') break
        if (Array.isArray(entry)) {
          // A nested list has its own skip scope; only an abort escapes it.
          const nested = runList(entry, action)
          results.push(...nested.results)
          if (nested.action === 'abort') action = 'abort'
          continue
        }
        const isCondition = entry !== null && typeof entry === 'object' && Array.isArray((entry as Json).assertions)
        if (isCondition) {
          const condition = entry as Json
          const nested = runList(condition.assertions as unknown[], action)
          const combined = condition.compareWith === 'or' ? nested.results.some(Boolean) : nested.results.every(Boolean)
          results.push(combined)
          action = nested.action === 'abort' ? 'abort' : actionAfter(condition, combined)
          outcomes.push({
            file: 'condition',
            title: textOf(condition.title),
            assertionType: typeOf(condition),
            result: combined ? 'pass' : skipFailures.includes(typeOf(condition)) ? 'failure-not-reported' : 'fail',
          })
          continue
        }
        const { schema, file } = this.schemaFor(entry, testDir)
        const type = typeOf(schema)
        if (action !== 'continue') {
          outcomes.push({ file, title: textOf(schema.title), assertionType: type, result: 'skipped' })
          continue
        }
        const validate = this.validator(schema, file)
        const valid = validate(content)
        const expected = schema.expectedResult === 'invalid' ? 'invalid' : 'valid'
        const asExpected = expected === 'valid' ? valid : !valid
        results.push(asExpected)
        action = actionAfter(schema, asExpected)
        outcomes.push({
          file,
          title: textOf(schema.title),
          assertionType: type,
          result: asExpected ? 'pass' : skipFailures.includes(type) ? 'failure-not-reported' : 'fail',
          ...(asExpected ? {} : { errors: validate.errors ? this.ajv.errorsText(validate.errors) : textOf(schema.errorMessage) }),
        })
      }
      return { action, results }
    }

    runList(test.assertions, 'continue')
    return outcomes
  }
}
