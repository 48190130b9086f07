import type { Theme } from '../config/types.js'

/**
 * The config's `theme` as CSS custom properties on the item's root. Set through the CSSOM
 * (Preact's style object), which a strict CSP allows; values were checked by the validator.
 */
export function themeVariables(theme: Theme | undefined): Record<string, string> {
  const vars: Record<string, string> = {}
  if (!theme) return vars
  const map: Array<[string, string | undefined]> = [
    ['--jk-bg', theme.background],
    ['--jk-fg', theme.text],
    ['--jk-accent', theme.accent],
    ['--jk-accent-fg', theme.accentText],
    ['--jk-font', theme.font],
    ['--jk-radius', theme.radius],
  ]
  for (const [name, value] of map) if (value) vars[name] = value
  return vars
}
