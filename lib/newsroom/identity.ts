// The newsroom's public identity as reports and exports print it, from its row.
import type { Prisma } from '../generated/prisma/client'
import { resolveVerdictScale, type VerdictScale } from '../verdicts/scale'

export const SETTINGS_SELECT = { name: true, displayName: true, url: true, logoUrl: true, reportLanguage: true, verdictScale: true } as const

export type SettingsRow = Prisma.NewsroomGetPayload<{ select: typeof SETTINGS_SELECT }>

export interface NewsroomSettings {
  /** The newsroom's account name (fixed; users and the CLI know it by this). */
  name: string
  displayName: string | null
  url: string | null
  logoUrl: string | null
  reportLanguage: string
  verdictScale: VerdictScale
}

/** What reports and exports print: the public name (display name, else name) and the rest. */
export interface NewsroomIdentity {
  name: string
  url: string | null
  logoUrl: string | null
  reportLanguage: string
  verdictScale: VerdictScale
}

export function toSettings(row: SettingsRow): NewsroomSettings {
  return { ...row, verdictScale: resolveVerdictScale(row.verdictScale) }
}

export function toIdentity(row: SettingsRow): NewsroomIdentity {
  const settings = toSettings(row)
  return {
    name: settings.displayName ?? settings.name,
    url: settings.url,
    logoUrl: settings.logoUrl,
    reportLanguage: settings.reportLanguage,
    verdictScale: settings.verdictScale,
  }
}
