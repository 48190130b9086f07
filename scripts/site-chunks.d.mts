/** `self[Symbol.for("journeykit.site")]`: where a built site's start chunk puts its exports. */
export declare const globalKey: string
/** The start chunk (minified ES module) as a classic script; throws on what a script cannot do. */
export declare function classicStart(code: string): string
/** A lazy chunk whose imports from `./${start}` read the global instead. */
export declare function lazyFromGlobal(code: string, start: string): string
export declare function siteChunks(): import('rollup').OutputPlugin
