/** Reports misuse or failure without ever throwing: `journeykit.<where>: <what>`. */
export function reportError(where: string, what: unknown): void {
  try {
    console.error(`journeykit.${where}: ${describe(what)}`)
  } catch {
    // a host that replaced console must not break us
  }
}

export function reportWarning(where: string, what: string): void {
  try {
    console.warn(`journeykit.${where}: ${what}`)
  } catch {
    // as above
  }
}

export function describe(what: unknown): string {
  if (what instanceof Error) return what.message
  return String(what)
}
