// Added here, not in the edge-safe auth config, because it needs bcrypt.
//
// bcrypt is deliberately slow (cost 12: about 0.25 s of CPU each). bcryptjs runs it on the event
// loop in small slices, so a flood of sign-in attempts (each costs bcrypt work even when throttled,
// to keep the answers alike) would share the CPU with every other request. At most
// MAX_CONCURRENT_BCRYPT run at once per instance; the rest wait their turn (issue 16, item 5).
import bcrypt from 'bcryptjs'

const COST = 12

/** bcrypt computations running at once on this instance; further ones queue. */
export const MAX_CONCURRENT_BCRYPT = 2

let running = 0
const queue: (() => void)[] = []

/** Runs `work` when fewer than MAX_CONCURRENT_BCRYPT bcrypt computations are running. */
async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_BCRYPT) await new Promise<void>((resolve) => queue.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    queue.shift()?.()
  }
}

/** bcrypt computations running and waiting now (for tests). */
export const bcryptLoad = () => ({ running, waiting: queue.length })

export const hashPassword = (password: string) => bounded(() => bcrypt.hash(password, COST))
/** False, after the same work, for a member who has not set a password yet (hash null). */
export const verifyPassword = (password: string, hash: string | null) =>
  bounded(() => bcrypt.compare(password, hash ?? DUMMY_HASH)).then((ok) => ok && hash !== null)

// Compared against when the account does not exist, so unknown emails take as long as wrong passwords.
const DUMMY_HASH = bcrypt.hashSync('factmark-timing-equaliser', COST)
export const burnPasswordCheck = (password: string) => bounded(() => bcrypt.compare(password, DUMMY_HASH))
