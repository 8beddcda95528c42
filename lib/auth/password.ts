// Added here, not in the edge-safe auth config, because it needs bcrypt.
import bcrypt from 'bcryptjs'

const COST = 12

export const hashPassword = (password: string) => bcrypt.hash(password, COST)
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash)

// Compared against when the account does not exist, so unknown emails take as long as wrong passwords.
const DUMMY_HASH = bcrypt.hashSync('factmark-timing-equaliser', COST)
export const burnPasswordCheck = (password: string) => bcrypt.compare(password, DUMMY_HASH)
