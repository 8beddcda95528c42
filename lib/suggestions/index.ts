// Check-worthy claim suggestions: what the page imports (also in the browser), kept
// light: dismissal keys, leaving out claimed text, the default density, the types.
// The detector itself (rules, vocabulary and the trained model, some 400 KB) runs on the
// server and is imported from './detect': re-exporting it here would ship it to the
// browser with everything else this file exports.
export { suggestionKey, withoutClaimed } from './keys'
export type { DetectOptions, Suggestion, SuggestionReason } from './detect'
export { defaultVisible, DEFAULT_VISIBLE_MIN_SCORE, DEFAULT_VISIBLE_SHARE } from './density'
export type { DensityOptions } from './density'
export type { SuggestionRule } from './rules'
export type { Sentence } from './segment'
export type { Language } from './vocabulary'
