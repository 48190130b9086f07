import { useEffect, useRef } from 'preact/hooks'
import type { ItemHost } from './types.js'
import { safeUrl } from '../lib/url.js'
import { trapTab } from './focus.js'

/** One item, any style. All config text is rendered as text nodes, never parsed as HTML. */
export function ItemView({ host }: { host: ItemHost }) {
  const { item } = host
  const modal = item.style === 'modal'
  const panel = useRef<HTMLDivElement>(null)
  const ctaUrl = item.cta ? safeUrl(item.cta.url, host.baseUrl) : null

  useEffect(() => {
    if (modal) panel.current?.focus()
  }, [modal])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      host.dismiss('escape')
    } else if (modal && panel.current) {
      trapTab(event, panel.current)
    }
  }

  return (
    <div class={`root ${item.style}`}>
      {modal && <div class="backdrop" onClick={() => host.dismiss('backdrop')} />}
      <div
        ref={panel}
        class="panel"
        role={modal ? 'dialog' : 'region'}
        aria-modal={modal ? 'true' : undefined}
        aria-labelledby="jk-title"
        aria-live={modal ? undefined : 'polite'}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 class="title" id="jk-title">
          {item.title}
        </h2>
        {item.body && <p class="body">{item.body}</p>}
        {item.code && <p class="code">{item.code}</p>}
        {item.cta && ctaUrl && (
          <div class="actions">
            <a class="cta" href={ctaUrl} onClick={() => host.convert('cta')}>
              {item.cta.label}
            </a>
          </div>
        )}
        <button type="button" class="close" onClick={() => host.dismiss('close')}>
          <span aria-hidden="true">×</span>Close
        </button>
      </div>
    </div>
  )
}
