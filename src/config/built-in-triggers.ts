import { watchedTriggers, type BuiltInTrigger } from './triggers.js'

/** Every built-in trigger (config/triggers), in order: `page_view`, the watched ones, `visit_start`. */
export const builtInTriggers = ['page_view', ...watchedTriggers, 'visit_start'] as readonly BuiltInTrigger[]
