import { describe, expect, it } from 'vitest'
import { createLogger, readableDestination, routeConsoleToLog, serializeError } from './logger'
import { noteRequestActor, runInRequestContext } from './request-context'

function capture(json = true) {
  const lines: string[] = []
  const destination = json ? { write: (line: string) => void lines.push(line) } : readableDestination({ write: (text: string) => lines.push(text) })
  return { logger: createLogger({ json, destination }), lines }
}

describe('serializeError', () => {
  it('keeps the type, code, first message line and stack frames', () => {
    const error = Object.assign(new TypeError('cannot read x\nInvalid `prisma.note.create()` invocation: { body: "secret note" }'), { code: 'P2000' })
    const record = serializeError(error)
    expect(record).toMatchObject({ type: 'TypeError', code: 'P2000', message: 'cannot read x' })
    expect(record.stack).toMatch(/^at .*logger\.test\.ts/)
    expect(JSON.stringify(record)).not.toContain('secret note')
  })

  it('cuts long messages and follows causes', () => {
    const record = serializeError(new Error('x'.repeat(1000), { cause: new RangeError('inner') }))
    expect((record.message as string).length).toBeLessThanOrEqual(301)
    expect(record.cause).toMatchObject({ type: 'RangeError', message: 'inner' })
  })
})

describe('createLogger', () => {
  it('writes one JSON object per line, with the request’s id, newsroom and user inside a request', () => {
    const { logger, lines } = capture()
    runInRequestContext({ requestId: 'req-12345678' }, () => {
      noteRequestActor({ id: 'user-1', newsroomId: 'newsroom-1' })
      logger.warn('inside')
    })
    logger.info('outside')
    const [inside, outside] = lines.map((line) => JSON.parse(line))
    expect(inside).toMatchObject({ level: 'warn', msg: 'inside', requestId: 'req-12345678', userId: 'user-1', newsroomId: 'newsroom-1' })
    expect(outside).toEqual({ level: 'info', time: expect.any(String), msg: 'outside' })
  })

  it('reads as short lines in development', () => {
    const { logger, lines } = capture(false)
    logger.info({ method: 'GET', route: '/articles/[id]', status: 200, durationMs: 35, requestId: 'abc' }, 'request')
    logger.error({ err: new Error('boom') }, 'request failed')
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d GET \/articles\/\[id\] 200 35 ms\n$/)
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d ERROR request failed\n {2}Error: boom\n {2}at /)
  })
})

describe('routeConsoleToLog', () => {
  it('turns console output, errors with their stacks, into log records', () => {
    const { logger, lines } = capture()
    const saved = { ...console }
    try {
      routeConsoleToLog(logger)
      console.error(new Error('route handler failed'))
      console.warn('\u001b[33m⚠\u001b[39m slow query', 42)
    } finally {
      Object.assign(console, saved)
    }
    const [error, warning] = lines.map((line) => JSON.parse(line))
    expect(error).toMatchObject({ level: 'error', msg: 'route handler failed', err: { type: 'Error', message: 'route handler failed' } })
    expect(error.err.stack).toContain('logger.test.ts')
    expect(warning).toMatchObject({ level: 'warn', msg: 'slow query 42' })
  })
})
