import type { Consent } from '../engine/consent.js'
import type { ItemController } from '../actions/items.js'
import type { Loaded } from '../engine/loaded.js'
import type { buildMessage } from '../engine/message.js'
import type { Moment } from '../api/types.js'
import type { VisitorState } from '../storage/visitor.js'
import type { Message } from '../delivery/envelope.js'
import { reportError } from '../lib/log.js'
import { previewTarget, type PreviewStop } from './target.js'
import { mountControl } from './control.js'

/** What the preview chunk needs of the runtime (the runtime's own object is handed over). */
export interface PreviewDeps {
  loaded: Pick<Loaded, 'config'>
  consent: Pick<Consent, 'maySend'>
  visitor: Pick<VisitorState, 'current' | 'counts'>
  /** The actions chunk, whose items the preview shows (null: it could not load). */
  actions(): Promise<{ items: ItemController } | null>
  now(): Moment
  deliver(message: Message): void
  emit(name: string, message: Message): void
}

/**
 * The preview chunk, loaded only on a page whose URL has `journeykit_preview` (src/engine/create.ts,
 * where rules and journeys then rest). Shows the asked item whatever the rules, or steps
 * through a journey's items. Its events are sent marked `context.journeykit.preview: true`, and
 * nothing is counted, claimed or evaluated for them: caps, visit limits, item counts, rules and
 * journey runs are as they were before the preview. `build` is the core's message builder, handed
 * over rather than imported: an app's bundler would otherwise split it out of its main chunk.
 */
export async function startPreview(rt: PreviewDeps, build: typeof buildMessage, search = location.search): Promise<void> {
  const { loaded, consent, visitor } = rt
  const config = loaded.config
  const target = config && previewTarget(search, config)
  if (!target) return
  if ('error' in target) return reportError('preview', target.error)
  const items = (await rt.actions())?.items
  if (!items) return

  const report = (event: string, properties: Record<string, unknown>) => {
    if (!consent.maySend()) return
    const message = build('track', { event, properties }, rt.now(), visitor.current(), visitor.counts().visit?.count ?? 0)
    message.context.journeykit = { preview: true }
    rt.deliver(message)
    rt.emit(event, message)
  }
  const show = ({ item, step }: PreviewStop, send = report) =>
    items.show(item, step ? { rule: null, variant: null, journey: target.journey, step } : { rule: null, variant: null }, send)

  const { stops, journey } = target
  if (!journey) return show(stops[0]!)
  let at = 0
  const control = mountControl(() => {
    items.hideAll()
    at = (at + 1) % stops.length
    showStop()
  })
  const showStop = () => {
    const stop = stops[at]!
    control.update(`Preview of ${journey}: ${at + 1} of ${stops.length}, ${stop.item} (step ${stop.step})`, at + 1 < stops.length ? 'Next' : 'Start again')
    // Once the item is on the page, the control goes back on top of it.
    show(stop, (event, properties) => {
      if (event === 'item_shown') control.raise()
      report(event, properties)
    })
  }
  showStop()
}
