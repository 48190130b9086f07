/** How a file imports another: `value` puts it in the importer's chunk, `type` vanishes once built, `dynamic` is another chunk. */
export type ImportKind = 'value' | 'type' | 'dynamic'
export interface ImportEdge {
  target: string
  kind: ImportKind
}
export declare function sourceFiles(dirs: string[]): string[]
export declare function importEdges(files: string[], root?: string): Map<string, ImportEdge[]>
export declare function importGraph(files: string[], root?: string): Map<string, string[]>
export declare function staticallyReached(edges: Map<string, ImportEdge[]>, entries: string[]): Set<string>
export declare function cyclesOf(graph: Map<string, string[]>): string[][]
