'use client'
// The article page's keyboard shortcuts (listed under "Keyboard shortcuts" in the toolbar):
//   Alt+M, or M in the article text: mark the selected words as a claim;
//   Alt+N / Alt+P, or N / P in the article text: open the next / previous claim;
//   Escape in the claims panel: back to the article text, where the caret was.
// The single keys (M, N, P) can be switched off (WCAG 2.1.4), and are kept off by the browser.
import { useEffect, useEffectEvent, useState } from 'react'

const STORAGE_KEY = 'factmark.singleKeyShortcuts'

/** Whether single-key shortcuts are on (the default), remembered in this browser. */
export function useSingleKeyShortcuts(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(true)
  useEffect(() => {
    // After hydration: the server cannot know this browser's choice.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (window.localStorage.getItem(STORAGE_KEY) === 'off') setOn(false)
  }, [])
  const set = (next: boolean) => {
    setOn(next)
    window.localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off')
  }
  return [on, set]
}

interface Handlers {
  /** Off while the text is being edited: letters are typed then. */
  active: boolean
  singleKeys: boolean
  onMark: () => void
  onNext: () => void
  onPrevious: () => void
  onBackToText: () => void
}

const inArticleText = (target: EventTarget | null) => target instanceof Element && !!target.closest('.article-body .tiptap')

export function useShortcuts(handlers: Handlers) {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (!handlers.active || event.defaultPrevented || event.isComposing) return
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey
    const alt = event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey
    if (
      event.key === 'Escape' &&
      plain &&
      event.target instanceof Element &&
      event.target.closest('.claims-panel') &&
      !event.target.closest('dialog')
    ) {
      event.preventDefault()
      return handlers.onBackToText()
    }
    // event.code: Alt changes event.key on some keyboards (macOS).
    const action = { KeyM: handlers.onMark, KeyN: handlers.onNext, KeyP: handlers.onPrevious }[event.code]
    if (!action) return
    if (alt || (plain && handlers.singleKeys && inArticleText(event.target))) {
      event.preventDefault()
      action()
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}
