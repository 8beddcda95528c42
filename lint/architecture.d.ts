import type { ESLint, Rule } from 'eslint'

declare const plugin: ESLint.Plugin & { rules: Record<'server-only' | 'layers', Rule.RuleModule> }
export default plugin
