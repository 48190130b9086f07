/**
 * The studio's live preview of an item (preview.html?scheme=light|dark&token=…, in a frame of the
 * studio's page): the real UI chunk (dist/ui.js, `mountItem`, served under /runtime/<token>/ so
 * that its own imports carry the token) draws the draft the studio posts, again at each change.
 * Only the studio's own page is listened to, and nothing it does leaves the frame (item-frame.ts).
 */
import type { ShowRequest } from '../../ui/host.js'
import { fixItemsScheme, keepInFrame } from '../gallery/item-frame.js'
import { runtimePath, type PreviewMessage } from './preview-protocol.js'

type UiChunk = { mountItem(request: ShowRequest): () => void }

const query = new URLSearchParams(location.search)
const scheme = query.get('scheme') === 'dark' ? 'dark' : 'light'
document.documentElement.dataset.scheme = scheme
keepInFrame()

const ui = import(/* webpackIgnore: true */ new URL(runtimePath(query.get('token') ?? '', 'ui.js'), location.href).href) as Promise<UiChunk>
let unmount = () => {}

/** Draws `message`'s item in place of the one before; what cannot be drawn is said in the frame. */
async function draw({ id, item, theme }: PreviewMessage): Promise<void> {
  const { mountItem } = await ui
  unmount()
  document.querySelector('.cannot')?.remove()
  unmount = mountItem({
    id,
    item,
    about: { item: id },
    theme,
    track: () => undefined, // a preview reports nothing
    isOpen: () => true,
    close: () => undefined, // the item stays in the preview
    askPush: () => null,
  })
  fixItemsScheme(scheme)
}

let drawing = Promise.resolve()
addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
  if (event.origin !== location.origin || event.source !== parent || event.data?.journeykitStudio !== 'draw') return
  // one draw after the other, in the order the studio posted them
  drawing = drawing
    .then(() => draw(event.data))
    .catch((err: unknown) => {
      const said = document.querySelector('.cannot') ?? document.body.appendChild(Object.assign(document.createElement('p'), { className: 'cannot' }))
      said.textContent = `This item cannot be drawn: ${err instanceof Error ? err.message : String(err)}`
    })
})
