// @segment/loosely-validate-event ships no types: what examples/e2e/pipelines.ts uses of it.
declare module '@segment/loosely-validate-event' {
  /** Throws an AssertionError naming the first rule the message breaks. */
  export default function looselyValidateEvent(event: Record<string, unknown>, type?: string): void
}
