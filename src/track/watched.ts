/** Triggers that need a watcher; their code is a chunk loaded only when a rule uses one. */
export const watchedTriggers = ['exit_intent', 'scroll', 'time_on_page', 'idle', 'click']
