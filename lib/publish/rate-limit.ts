// How often one address may fetch public pages, feeds and cards: a fixed window per address,
// counted in this instance's memory (behind a load balancer each instance counts its own).

export interface RateLimiter {
  /** Counts one request from `key`; the seconds to wait when it is over the limit, else 0. */
  take: (key: string, now?: number) => number
}

export function rateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = 0
  return {
    take: (key, now = Date.now()) => {
      // Forget finished windows now and then, so the map holds only recent addresses.
      if (now - lastSweep > windowMs) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k)
        lastSweep = now
      }
      let window = windows.get(key)
      if (!window || now - window.start >= windowMs) {
        window = { start: now, count: 0 }
        windows.set(key, window)
      }
      window.count++
      return window.count > limit ? Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) : 0
    },
  }
}

/** Requests per minute one address may make to public pages (FACTMARK_PUBLIC_RATE_LIMIT overrides). */
export const PUBLIC_RATE_LIMIT = Number(process.env.FACTMARK_PUBLIC_RATE_LIMIT) || 120
