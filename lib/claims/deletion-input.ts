// The inputs of deleting and restoring a claim (server side; the rules are ./deletion.ts).
import { z } from 'zod'
import { rowVersion } from '../validation'
import { MAX_DELETE_REASON_LENGTH } from './deletion'

export const deleteClaimInput = z.strictObject({
  version: rowVersion,
  reason: z
    .string()
    .trim()
    .max(MAX_DELETE_REASON_LENGTH, `The reason is limited to ${MAX_DELETE_REASON_LENGTH.toLocaleString('en')} characters.`)
    .optional(),
})

export const restoreClaimInput = z.strictObject({ version: rowVersion })
