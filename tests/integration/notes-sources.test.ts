// Note threads (reply, edit and delete your own) and a claim's sources, against a real
// database: what is stored, what getClaim shows, what the audit log keeps, and refusals.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../lib/auth/actor'
import { getClaim } from '../../lib/claims'
import { getDb } from '../../lib/db/client'
import { AppError } from '../../lib/errors'
import { addNote, deleteNote, editNote } from '../../lib/claims/notes'
import { addSource, removeSource, updateSource } from '../../lib/claims/sources'
import { auditEventsOf, claimTrace, expectAppError, importDwArticle, makeActor, markDwClaim, resetDatabase } from './fixtures'

const NEWSROOM = 'Notes Newsroom'
let checker: Actor
let editor: Actor
let admin: Actor
let articleId: string

beforeAll(async () => {
  await resetDatabase()
  checker = await makeActor('CHECKER', NEWSROOM, 'Carla Checker')
  editor = await makeActor('EDITOR', NEWSROOM, 'Eddie Editor')
  admin = await makeActor('ADMIN', NEWSROOM, 'Ada Admin')
  articleId = await importDwArticle(checker)
})

/** Expects `call` to be refused with `status` and every given claim to be exactly as before. */
async function refused(claimIds: string[], call: () => Promise<unknown>, status: number): Promise<AppError> {
  const before = await Promise.all(claimIds.map(claimTrace))
  const error = await expectAppError(call(), status)
  expect(await Promise.all(claimIds.map(claimTrace))).toEqual(before)
  return error
}

const noteRow = (id: string) => getDb().note.findUniqueOrThrow({ where: { id } })

describe('note threads', () => {
  it('adds replies to a note and to a reply, and getClaim returns the thread in order', async () => {
    const claim = await markDwClaim(checker, articleId)
    const root = await addNote(checker, claim.id, { body: 'Who counted the votes?' })
    const reply = await addNote(editor, claim.id, { body: ' The UN did. ', parentId: root.id })
    const nested = await addNote(checker, claim.id, { body: 'Link, please.', parentId: reply.id })
    const second = await addNote(admin, claim.id, { body: 'A new thread.' })

    expect(reply).toMatchObject({ parentId: root.id, body: 'The UN did.', version: 1, editedAt: null, deletedAt: null })
    expect(await noteRow(reply.id)).toMatchObject({ claimId: claim.id, parentId: root.id, authorId: editor.id, body: 'The UN did.' })
    expect(await noteRow(nested.id)).toMatchObject({ parentId: reply.id })

    const { notes } = await getClaim(checker, claim.id)
    expect(notes.map((n) => [n.id, n.parentId, n.author.name, n.body])).toEqual([
      [root.id, null, checker.name, 'Who counted the votes?'],
      [reply.id, root.id, editor.name, 'The UN did.'],
      [nested.id, reply.id, checker.name, 'Link, please.'],
      [second.id, null, admin.name, 'A new thread.'],
    ])

    const added = (await auditEventsOf(claim.id)).filter((e) => e.action === 'note.added')
    expect(added.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [checker.id, null, { noteId: root.id, parentId: null, body: 'Who counted the votes?' }],
      [editor.id, null, { noteId: reply.id, parentId: root.id, body: 'The UN did.' }],
      [checker.id, null, { noteId: nested.id, parentId: reply.id, body: 'Link, please.' }],
      [admin.id, null, { noteId: second.id, parentId: null, body: 'A new thread.' }],
    ])
  })

  it('refuses a reply to a note of another claim, or to no note, with 422 and stores nothing', async () => {
    const claim = await markDwClaim(checker, articleId)
    const other = await markDwClaim(checker, articleId)
    const foreignNote = await addNote(checker, other.id, { body: 'On the other claim.' })
    const elsewhere = await makeActor('CHECKER', 'Elsewhere')
    const elsewhereArticle = await importDwArticle(elsewhere)
    const elsewhereClaim = await markDwClaim(elsewhere, elsewhereArticle)
    const elsewhereNote = await addNote(elsewhere, elsewhereClaim.id, { body: 'Another newsroom.' })

    for (const parentId of [foreignNote.id, elsewhereNote.id, 'no-such-note', claim.id]) {
      const error = await refused([claim.id, other.id, elsewhereClaim.id], () => addNote(checker, claim.id, { body: 'A reply.', parentId }), 422)
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toEqual({ parentId: ['Unknown note.'] })
    }
    expect(await getDb().note.count({ where: { claimId: claim.id } })).toBe(0)
  })
})

describe('editing and deleting notes', () => {
  it('edits your own note on the version you saw, audited with the old and new text', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Frist draft.' })
    const edited = await editNote(checker, note.id, { version: 1, body: '  First draft.  ' })
    expect(edited).toMatchObject({ id: note.id, body: 'First draft.', version: 2, deletedAt: null })
    expect(edited.editedAt).toBeInstanceOf(Date)
    const row = await noteRow(note.id)
    expect(row).toMatchObject({ body: 'First draft.', version: 2, authorId: checker.id, deletedAt: null })
    expect(row.editedAt?.getTime()).toBe(edited.editedAt?.getTime())
    expect((await getClaim(editor, claim.id)).notes).toEqual([expect.objectContaining({ id: note.id, body: 'First draft.', version: 2 })])

    expect((await auditEventsOf(claim.id)).at(-1)).toMatchObject({
      action: 'note.edited',
      actorId: checker.id,
      before: { noteId: note.id, body: 'Frist draft.' },
      after: { noteId: note.id, body: 'First draft.' },
    })
    // The claim itself did not change.
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(1)
  })

  it("refuses editing or deleting someone else's note with 403, even for an admin", async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Mine.' })
    for (const actor of [editor, admin]) {
      let error = await refused([claim.id], () => editNote(actor, note.id, { version: 1, body: 'Yours now.' }), 403)
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toBe('You can only change your own notes.')
      error = await refused([claim.id], () => deleteNote(actor, note.id, { version: 1 }), 403)
      expect(error.code).toBe('FORBIDDEN')
    }
    expect(await noteRow(note.id)).toMatchObject({ body: 'Mine.', version: 1, deletedAt: null, editedAt: null })
  })

  it('refuses a stale version with 409 and the current text, and changes nothing', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'One.' })
    await editNote(checker, note.id, { version: 1, body: 'Two.' })
    for (const call of [
      () => editNote(checker, note.id, { version: 1, body: 'Three.' }),
      () => editNote(checker, note.id, { version: 5, body: 'Three.' }),
      () => deleteNote(checker, note.id, { version: 1 }),
    ]) {
      const error = await refused([claim.id], call, 409)
      expect(error.code).toBe('CONFLICT')
      expect(error.details).toEqual({ current: { body: 'Two.', version: 2 } })
    }
    expect(await noteRow(note.id)).toMatchObject({ body: 'Two.', version: 2, deletedAt: null })
  })

  it('of two simultaneous edits of the same version, exactly one wins', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Start.' })
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => editNote(checker, note.id, { version: 1, body: `Tab ${i}.` })))
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost.map((r) => (r.reason instanceof AppError ? r.reason.status : r.reason))).toEqual(Array(9).fill(409))
    const row = await noteRow(note.id)
    expect(row.version).toBe(2)
    expect(row.body).toBe((won[0] as PromiseFulfilledResult<{ body: string }>).value.body)
    expect((await auditEventsOf(claim.id)).filter((e) => e.action === 'note.edited')).toHaveLength(1)
  })

  it('deletes your own note: empty body and deletedAt in the thread, the text kept only in the audit log', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Said something regrettable.' })
    const reply = await addNote(editor, claim.id, { body: 'Indeed.', parentId: note.id })
    const deleted = await deleteNote(checker, note.id, { version: 1 })
    expect(deleted).toMatchObject({ id: note.id, body: '', version: 2 })
    expect(deleted.deletedAt).toBeInstanceOf(Date)

    const row = await noteRow(note.id)
    expect(row).toMatchObject({ body: '', version: 2, parentId: null })
    expect(row.deletedAt).toBeInstanceOf(Date)

    const { notes } = await getClaim(editor, claim.id)
    expect(notes).toEqual([
      expect.objectContaining({ id: note.id, body: '', deletedAt: row.deletedAt, author: { id: checker.id, name: checker.name } }),
      // Replies to it stay in the thread.
      expect.objectContaining({ id: reply.id, parentId: note.id, body: 'Indeed.', deletedAt: null }),
    ])

    const event = (await auditEventsOf(claim.id)).at(-1)
    expect(event).toMatchObject({
      action: 'note.deleted',
      actorId: checker.id,
      before: { noteId: note.id, body: 'Said something regrettable.' },
      after: { noteId: note.id, body: null },
    })
    // No other row keeps the text.
    expect(await getDb().note.count({ where: { body: { contains: 'regrettable' } } })).toBe(0)
  })

  it('refuses editing or deleting a deleted note with 422', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Gone soon.' })
    await deleteNote(checker, note.id, { version: 1 })
    let error = await refused([claim.id], () => editNote(checker, note.id, { version: 2, body: 'Back.' }), 422)
    expect(error.message).toBe('This note was deleted.')
    error = await refused([claim.id], () => deleteNote(checker, note.id, { version: 2 }), 422)
    expect(error.message).toBe('This note was deleted.')
  })

  it('refuses malformed edits with 422 and unknown notes with 404', async () => {
    const claim = await markDwClaim(checker, articleId)
    const note = await addNote(checker, claim.id, { body: 'Fine as is.' })
    for (const input of [
      { version: 1, body: '  ' },
      { version: 1, body: 'x'.repeat(20_001) },
      { body: 'No version.' },
      { version: 1, body: 'ok', authorId: editor.id },
    ]) {
      await refused([claim.id], () => editNote(checker, note.id, input), 422)
    }
    await refused([claim.id], () => deleteNote(checker, note.id, {}), 422)
    // A version no integer column holds: was a 500 from PostgreSQL (found by the fuzz test).
    await refused([claim.id], () => deleteNote(checker, note.id, { version: Number.MAX_SAFE_INTEGER }), 422)
    await refused([claim.id], () => editNote(checker, note.id, { version: 2 ** 31, body: 'Too new.' }), 422)
    await refused([claim.id], () => editNote(checker, 'no-such-note', { version: 1, body: 'Hello?' }), 404)
    await refused([claim.id], () => deleteNote(checker, 'no-such-note', { version: 1 }), 404)
  })
})

describe('sources', () => {
  it('adds a source with every field, normalised, and audits all of it', async () => {
    const claim = await markDwClaim(checker, articleId)
    const source = await addSource(checker, claim.id, {
      url: 'HTTPS://WWW.UN.org/press/en/2017/sc13125.doc.htm',
      title: ' UN press release ',
      publisher: ' United Nations ',
      excerpt: ' The Council unanimously adopted resolution 2397. ',
      accessedAt: '2017-12-22',
      archivedUrl: 'https://web.archive.org/web/20171222/https://www.un.org/press/en/2017/sc13125.doc.htm',
    })
    const expected = {
      url: 'https://www.un.org/press/en/2017/sc13125.doc.htm',
      title: 'UN press release',
      publisher: 'United Nations',
      excerpt: 'The Council unanimously adopted resolution 2397.',
      archivedUrl: 'https://web.archive.org/web/20171222/https://www.un.org/press/en/2017/sc13125.doc.htm',
    }
    expect(source).toMatchObject({ ...expected, claimId: claim.id, createdBy: { id: checker.id, name: checker.name } })
    const row = await getDb().source.findUniqueOrThrow({ where: { id: source.id } })
    expect(row).toMatchObject({ ...expected, claimId: claim.id, createdById: checker.id })
    expect(row.accessedAt?.toISOString()).toBe('2017-12-22T00:00:00.000Z')
    expect((await getClaim(editor, claim.id)).sources).toEqual([expect.objectContaining({ id: source.id, ...expected })])

    expect((await auditEventsOf(claim.id)).at(-1)).toMatchObject({
      action: 'source.added',
      actorId: checker.id,
      before: null,
      after: { sourceId: source.id, ...expected, accessedAt: '2017-12-22' },
    })
    // The source's fields, not the row's bookkeeping (id, claimId, createdBy, ...).
    const event = (await auditEventsOf(claim.id)).at(-1)!
    expect(Object.keys(event.after as object).sort()).toEqual(['accessedAt', 'archivedUrl', 'excerpt', 'publisher', 'sourceId', 'title', 'url'])
    // Sources are part of what an editor approves: the claim's version moves, its status does not.
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'UNCHECKED',
      version: 2,
      updatedById: checker.id,
    })
  })

  it('edits some fields of a source, keeping the others, and audits just the change', async () => {
    const claim = await markDwClaim(checker, articleId)
    const source = await addSource(checker, claim.id, { url: 'https://example.com/a', title: 'A', publisher: 'Pub', accessedAt: '2017-12-20' })
    const updated = await updateSource(editor, source.id, { title: 'A, retitled', accessedAt: null, excerpt: 'New excerpt.' })
    expect(updated).toMatchObject({ url: 'https://example.com/a', title: 'A, retitled', publisher: 'Pub', accessedAt: null, excerpt: 'New excerpt.' })
    expect(await getDb().source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      url: 'https://example.com/a',
      title: 'A, retitled',
      publisher: 'Pub',
      accessedAt: null,
      excerpt: 'New excerpt.',
      // Still credited to whoever added it.
      createdById: checker.id,
    })
    expect((await auditEventsOf(claim.id)).at(-1)).toMatchObject({
      action: 'source.updated',
      actorId: editor.id,
      before: { sourceId: source.id, title: 'A', accessedAt: '2017-12-20', excerpt: null },
      after: { sourceId: source.id, title: 'A, retitled', accessedAt: null, excerpt: 'New excerpt.' },
    })
    const event = (await auditEventsOf(claim.id)).at(-1)!
    expect(Object.keys(event.before as object).sort()).toEqual(['accessedAt', 'excerpt', 'sourceId', 'title'])
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'UNCHECKED',
      version: 3,
      updatedById: editor.id,
    })
  })

  it('removes a source, keeping what it was in the audit log', async () => {
    const claim = await markDwClaim(checker, articleId)
    const keep = await addSource(checker, claim.id, { url: 'https://example.com/keep', title: 'Keep' })
    const drop = await addSource(checker, claim.id, { url: 'https://example.com/drop', title: 'Drop', publisher: 'Dropper' })
    expect(await removeSource(editor, drop.id)).toEqual({ removed: drop.id })
    expect(await getDb().source.findMany({ where: { claimId: claim.id }, select: { id: true } })).toEqual([{ id: keep.id }])
    expect((await getClaim(checker, claim.id)).sources.map((s) => s.id)).toEqual([keep.id])
    expect((await auditEventsOf(claim.id)).at(-1)).toMatchObject({
      action: 'source.removed',
      actorId: editor.id,
      before: { sourceId: drop.id, url: 'https://example.com/drop', title: 'Drop', publisher: 'Dropper', excerpt: null },
      after: null,
    })
    // Two additions and a removal: three versions on top of the first.
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'UNCHECKED',
      version: 4,
      updatedById: editor.id,
    })
    await refused([claim.id], () => removeSource(editor, drop.id), 404)
    await refused([claim.id], () => updateSource(editor, drop.id, { title: 'Ghost' }), 404)
  })

  it('answers 404, not a server error, to edits and removals that lose the race against a removal', async () => {
    const claim = await markDwClaim(checker, articleId)
    const source = await addSource(checker, claim.id, { url: 'https://example.com/contested', title: 'Contested' })
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? removeSource(checker, source.id) : updateSource(editor, source.id, { title: `Title ${i}` }))),
    )
    const removals = results.filter((r, i) => i % 2 && r.status === 'fulfilled')
    expect(removals).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(AppError)
        expect((result.reason as AppError).status).toBe(404)
      }
    }
    expect(await getDb().source.count({ where: { id: source.id } })).toBe(0)
    const events = await auditEventsOf(claim.id)
    expect(events.filter((e) => e.action === 'source.removed')).toHaveLength(1)
    // Every successful edit has its one event, and nothing else was written.
    const edits = results.filter((r, i) => i % 2 === 0 && r.status === 'fulfilled').length
    expect(events.filter((e) => e.action === 'source.updated')).toHaveLength(edits)
    expect(events).toHaveLength(2 + edits + 1)
    // Each change that went through moved the claim's version exactly once: the addition, the edits, the removal.
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(1 + 1 + edits + 1)
  })

  it('refuses invalid source edits with 422 and changes nothing', async () => {
    const claim = await markDwClaim(checker, articleId)
    const source = await addSource(checker, claim.id, { url: 'https://example.com/ok', title: 'OK' })
    for (const input of [
      {},
      { url: 'javascript:alert(1)' },
      { archivedUrl: 'data:text/html,x' },
      { title: '  ' },
      { accessedAt: '2017-02-30' },
      { title: 'OK', claimId: 'other' },
      { title: 'OK', createdById: editor.id },
    ]) {
      const error = await refused([claim.id], () => updateSource(checker, source.id, input), 422)
      expect(error.code).toBe('INVALID_INPUT')
    }
  })
})
