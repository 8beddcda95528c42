// The newsroom's public identity: the name, address and logo its reports and
// ClaimReview `author` carry, the language reports are written in, and its own
// words and ratings for the seven verdicts. Every member reads it; only its
// admins change it. The row → identity mapping is ./newsroom-identity.ts.
import 'server-only'
import { z } from 'zod'
import { recordAdminEvent } from '../admin/events'
import { assertAdmin, lockAsAdmin } from '../admin/members'
import type { Actor } from '../auth/actor'
import { getDb } from '../db/client'
import { asJsonInput } from '../db/json'
import { notFound } from '../errors'
import { Prisma } from '../generated/prisma/client'
import { SETTINGS_SELECT, toIdentity, toSettings, type NewsroomIdentity, type NewsroomSettings } from './identity'
import { DEFAULT_VERDICT_SCALE, verdictScaleSchema, type VerdictScale } from '../verdicts/scale'
import { httpUrlWith, parseInput } from '../validation'
import { VERDICTS } from '../verdicts/labels'

export type { NewsroomIdentity, NewsroomSettings }

/** A BCP 47 language tag ("en", "de-AT", "pt-BR", "zh-Hant"), in its canonical form. */
export const languageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'Use a language tag such as en, de or pt-BR.')
  .transform((value, ctx) => {
    try {
      return Intl.getCanonicalLocales(value)[0]
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Use a language tag such as en, de or pt-BR.' })
      return z.NEVER
    }
  })

/** An optional http(s) address: empty means none. */
const optionalUrl = (message: string) =>
  z.union([
    z
      .string()
      .trim()
      .length(0)
      .transform(() => null),
    httpUrlWith(message),
    z.null(),
  ])

export const settingsInput = z.strictObject({
  displayName: z
    .string()
    .trim()
    .max(200, 'The display name is limited to 200 characters.')
    .transform((value) => value || null)
    .nullable(),
  url: optionalUrl('The public URL must be an http:// or https:// address.'),
  logoUrl: optionalUrl('The logo URL must be an http:// or https:// address.'),
  reportLanguage: languageTag,
  verdictScale: verdictScaleSchema,
})
export type SettingsInput = z.input<typeof settingsInput>

export async function getNewsroomSettings(actor: Actor): Promise<NewsroomSettings> {
  const row = await getDb().newsroom.findUnique({ where: { id: actor.newsroomId }, select: SETTINGS_SELECT })
  if (!row) throw notFound('The newsroom')
  return toSettings(row)
}

export async function getNewsroomIdentity(actor: Actor): Promise<NewsroomIdentity> {
  const row = await getDb().newsroom.findUnique({ where: { id: actor.newsroomId }, select: SETTINGS_SELECT })
  if (!row) throw notFound('The newsroom')
  return toIdentity(row)
}

const isDefaultScale = (scale: VerdictScale) =>
  VERDICTS.every(
    (verdict) => scale[verdict].label === DEFAULT_VERDICT_SCALE[verdict].label && scale[verdict].rating === DEFAULT_VERDICT_SCALE[verdict].rating,
  )

/** Replaces the settings (all fields at once, as the form sends them); admins only, audited. */
export async function updateNewsroomSettings(actor: Actor, rawInput: unknown): Promise<NewsroomSettings> {
  assertAdmin(actor)
  const input = parseInput(settingsInput, rawInput)
  return getDb().$transaction(async (tx) => {
    await lockAsAdmin(tx, actor)
    const before = toSettings(await tx.newsroom.findUniqueOrThrow({ where: { id: actor.newsroomId }, select: SETTINGS_SELECT }))
    const scale = input.verdictScale
    const row = await tx.newsroom.update({
      where: { id: actor.newsroomId },
      data: {
        displayName: input.displayName,
        url: input.url,
        logoUrl: input.logoUrl,
        reportLanguage: input.reportLanguage,
        // The defaults are stored as null, so a newsroom that never chose its own words follows Factmark's.
        verdictScale: isDefaultScale(scale) ? Prisma.DbNull : asJsonInput(scale),
      },
      select: SETTINGS_SELECT,
    })
    const after = toSettings(row)
    const { name: _before, ...beforeFields } = before
    const { name: _after, ...afterFields } = after
    await recordAdminEvent(tx, actor, 'newsroom.settings_changed', null, beforeFields, afterFields)
    return after
  })
}
