// The fields of a note, a source and a person that reads return: one definition,
// so the claim panel and the note/source endpoints hand out the same shape and
// never a whole user row.

/** A claim's anchor columns: its quote with context, and where it stands (code points); `anchorFields` writes them. */
export const anchorSelect = { exact: true, prefix: true, suffix: true, start: true, end: true } as const

export const personSelect = { select: { id: true, name: true } } as const

export const noteSelect = {
  id: true,
  claimId: true,
  parentId: true,
  body: true,
  version: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: personSelect,
  /** The members the note mentions ("@Name" in its body), by id. */
  mentions: { select: { user: personSelect } },
} as const

export const sourceSelect = {
  id: true,
  claimId: true,
  url: true,
  title: true,
  publisher: true,
  excerpt: true,
  accessedAt: true,
  archivedUrl: true,
  createdAt: true,
  createdBy: personSelect,
  archiveStatus: true,
  archiveError: true,
  watchStatus: true,
  /** The baseline copy (lib/evidence): when and what was fetched, never the body or text. */
  archives: {
    where: { kind: 'ARCHIVE' },
    orderBy: { fetchedAt: 'desc' },
    take: 1,
    select: { id: true, fetchedAt: true, sha256: true, finalUrl: true, httpStatus: true, contentType: true, externalUrl: true },
  },
} as const
