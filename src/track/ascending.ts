/** The distinct `values`, smallest first: a watcher's thresholds. */
export const ascending = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b)
