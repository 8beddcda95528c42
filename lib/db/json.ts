// Values on their way into and out of jsonb columns.
import type { DocNode } from '../anchoring/canonical'
import type { Prisma } from '../generated/prisma/client'
import type { VerdictScale } from '../verdicts/scale'

/** A value as a jsonb column keeps it: what JSON.stringify keeps (dates as ISO strings, no undefined fields). */
export const toJsonValue = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue

/**
 * A value that is JSON by construction (a validated article document, a parsed verdict scale), stored
 * as it is: no copy of a document that may be megabytes. The one cast: an interface has no index signature.
 */
export const asJsonInput = (value: DocNode | VerdictScale) => value as unknown as Prisma.InputJsonObject

/** A stored article document: validated (lib/articles/validate-doc.ts) before it was written. */
export const docFromJson = (value: Prisma.JsonValue) => value as unknown as DocNode
