// The newsroom's public-page settings: its address (/p/<slug>/...), the methodology text printed
// with every claim, and whether reviewers are named. Admins only, audited.
import 'server-only'
import { z } from 'zod'
import { recordAdminEvent } from '../admin/events'
import { assertAdmin, lockAsAdmin } from '../admin/members'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import { conflict, notFound } from '../errors'
import { parseInput } from '../validation'
import { SLUG_MAX, SLUG_PATTERN, slugify } from './slug'

export const publishingInput = z.strictObject({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, 'The address needs at least 2 characters.')
    .max(SLUG_MAX, `The address is limited to ${SLUG_MAX} characters.`)
    .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, such as dw-fact-check.'),
  methodology: z
    .string()
    .trim()
    .max(5_000, 'The methodology is limited to 5,000 characters.')
    .transform((value) => value || null)
    .nullable(),
  showReviewers: z.boolean(),
})
export type PublishingInput = z.input<typeof publishingInput>

export interface PublishingSettings {
  /** Null until the newsroom first publishes or an admin sets it; `suggestedSlug` is made from its name. */
  slug: string | null
  suggestedSlug: string
  methodology: string | null
  showReviewers: boolean
}

const SELECT = { slug: true, methodology: true, showReviewers: true } as const

export async function getPublishingSettings(actor: Actor): Promise<PublishingSettings> {
  const row = await getDb().newsroom.findUnique({ where: { id: actor.newsroomId }, select: { ...SELECT, name: true } })
  if (!row) throw notFound('The newsroom')
  const { name, ...settings } = row
  return { ...settings, suggestedSlug: slugify(name) || 'newsroom' }
}

export async function updatePublishingSettings(actor: Actor, rawInput: unknown): Promise<PublishingSettings> {
  assertAdmin(actor)
  const input = parseInput(publishingInput, rawInput)
  return getDb().$transaction(async (tx) => {
    await lockAsAdmin(tx, actor)
    const taken = await tx.newsroom.findFirst({ where: { slug: input.slug, id: { not: actor.newsroomId } }, select: { id: true } })
    if (taken) throw conflict('Another newsroom uses this address: choose another.')
    const before = await tx.newsroom.findUniqueOrThrow({ where: { id: actor.newsroomId }, select: SELECT })
    const after = await tx.newsroom.update({ where: { id: actor.newsroomId }, data: input, select: { ...SELECT, name: true } })
    const { name, ...settings } = after
    await recordAdminEvent(tx, actor, 'newsroom.publishing_changed', null, before, settings)
    return { ...settings, suggestedSlug: slugify(name) || 'newsroom' }
  })
}
