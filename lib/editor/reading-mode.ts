// Reading mode: the article is a read-only text that still has a caret. ProseMirror's own
// non-editable mode leaves the caret and Shift+arrow selection to the browser, which has
// neither in non-editable text (caret browsing is off by default), and keeps a selection of
// its own that it writes back over the reader's next drag. So the text stays editable to the
// browser (a caret, arrows, Shift+arrows, drags that ProseMirror follows) and this extension
// refuses every change to the document while the page is not editing it.
import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

export interface ReadingModeStorage {
  reading: boolean
  /** Set while the page itself replaces the text (a newer revision, a cancelled edit). */
  replacing: boolean
}

declare module '@tiptap/core' {
  interface Storage {
    readingMode: ReadingModeStorage
  }
}

const key = new PluginKey('readingMode')

/** Reading (true) or editing (false); the text's attributes follow. */
export function setReading(editor: Editor, reading: boolean) {
  const storage = editor.storage.readingMode
  if (storage.reading === reading) return
  storage.reading = reading
  // An empty transaction: ProseMirror recomputes the attributes.
  editor.view.dispatch(editor.state.tr.setMeta(key, reading))
}

/** Runs `change` (which replaces the document) even while reading. */
export function replaceWhileReading(editor: Editor, change: () => void) {
  const storage = editor.storage.readingMode
  storage.replacing = true
  try {
    change()
  } finally {
    storage.replacing = false
  }
}

export const ReadingMode = Extension.create<{ label: string }, ReadingModeStorage>({
  name: 'readingMode',
  addOptions: () => ({ label: 'Article text' }),
  addStorage: () => ({ reading: true, replacing: false }),
  addProseMirrorPlugins() {
    const storage = this.storage
    const { label } = this.options
    const refuse = () => storage.reading
    return [
      new Plugin({
        key,
        filterTransaction: (tr) => !(storage.reading && !storage.replacing && tr.docChanged),
        props: {
          attributes: (): Record<string, string> =>
            storage.reading
              ? { 'aria-label': label, 'aria-readonly': 'true', 'aria-multiline': 'true', spellcheck: 'false', inputmode: 'none' }
              : { 'aria-label': `${label} (editing)`, 'aria-multiline': 'true' },
          handleTextInput: refuse,
          handlePaste: refuse,
          handleDrop: refuse,
          // Keys that would type or delete: beforeinput and the transaction filter refuse them too,
          // this keeps the editor's own shortcuts (Enter splits a paragraph) from even trying.
          handleKeyDown: (_view, event) => storage.reading && ['Enter', 'Backspace', 'Delete'].includes(event.key),
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!storage.reading) return false
              event.preventDefault()
              return true
            },
            cut: (_view, event) => {
              if (!storage.reading) return false
              event.preventDefault()
              return true
            },
          },
        },
      }),
    ]
  },
})
