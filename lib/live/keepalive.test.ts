import { afterEach, describe, expect, it, vi } from 'vitest'
import { KEEPALIVE_MS, startKeepalive } from './keepalive'

afterEach(() => vi.useRealTimers())

describe('startKeepalive', () => {
  it('writes an SSE comment every interval, well inside the 20 s heartbeat, until stopped', () => {
    vi.useFakeTimers()
    const written: string[] = []
    const stop = startKeepalive((chunk) => written.push(new TextDecoder().decode(chunk)), 5000)
    vi.advanceTimersByTime(4999)
    expect(written).toEqual([])
    vi.advanceTimersByTime(1)
    vi.advanceTimersByTime(10_000)
    // A line starting with ':' and a blank line: EventSource dispatches nothing for it.
    expect(written).toEqual([':\n\n', ':\n\n', ':\n\n'])
    stop()
    vi.advanceTimersByTime(60_000)
    expect(written).toHaveLength(3)
  })

  it('defaults to a few seconds, so a reset nginx holds back reaches the page soon', () => {
    expect(KEEPALIVE_MS).toBeLessThanOrEqual(2000)
  })
})
