/**
 * The built-in triggers of contract §4, in one place: validation, the watchers, rule keys
 * and the generated JSON Schema read them here (the validation message spells them out: a
 * test keeps it equal to this list).
 */
const watched = ['exit_intent', 'scroll', 'time_on_page', 'idle', 'click'] as const

/** `page_view` and `visit_start` the runtime fires itself, on every load; the others need a watcher. */
export const builtInTriggers = ['page_view', ...watched, 'visit_start'] as const

export type BuiltInTrigger = (typeof builtInTriggers)[number]

/** Triggers that need a watcher; their code is a chunk loaded only when a rule uses one. */
export const watchedTriggers: readonly string[] = watched

/** The rule key that parameterises a trigger (`scroll` at which `percent`, …). */
export const triggerParameters = { scroll: 'percent', time_on_page: 'seconds', idle: 'seconds', click: 'selector' } as const satisfies Partial<
  Record<BuiltInTrigger, 'percent' | 'seconds' | 'selector'>
>
