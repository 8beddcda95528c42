// Added here, not in the edge-safe auth config, because it needs bcrypt.
import bcrypt from 'bcryptjs'

const COST = 12

export const hashPassword = (password: string) => bcrypt.hash(password, COST)
/** False, after the same work, for a member who has not set a password yet (hash null). */
export const verifyPassword = (password: string, hash: string | null) =>
  bcrypt.compare(password, hash ?? DUMMY_HASH).then((ok) => ok && hash !== null)

// Compared against when the account does not exist, so unknown emails take as long as wrong passwords.
const DUMMY_HASH = bcrypt.hashSync('factmark-timing-equaliser', COST)
export const burnPasswordCheck = (password: string) => bcrypt.compare(password, DUMMY_HASH)
