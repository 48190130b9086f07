import { useEffect, useRef, useState } from 'preact/hooks'
import type { ItemHost } from './types.js'
import { safeImageUrl, safeUrl } from '../lib/url.js'
import { trapTab } from './focus.js'
import { LeadForm } from './form.js'
import { formatRemaining } from './countdown.js'
import { themeVariables } from './theme.js'

const thanks = 'Thank you!'

/** One item, any kind and style. All config text is rendered as text, never parsed as HTML. */
export function ItemView({ host }: { host: ItemHost }) {
  const { item } = host
  const modal = item.style === 'modal'
  const panel = useRef<HTMLDivElement>(null)

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
    <div class={`root ${item.style} ${item.position ?? ''}`} style={themeVariables(host.theme)}>
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
        {item.image && safeImageUrl(item.image.url, host.baseUrl) && (
          <img class="image" src={safeImageUrl(item.image.url, host.baseUrl)!} alt={item.image.alt} />
        )}
        <h2 class="title" id="jk-title">
          {item.title}
        </h2>
        {item.body && <p class="body">{item.body}</p>}
        {item.countdown && <Countdown until={Date.parse(item.countdown)} />}
        {item.kind === 'focus' && <FocusParts host={host} />}
        {item.kind === 'asset' && <AssetParts host={host} />}
        {item.kind === 'push' && <PushParts host={host} />}
        {item.kind !== 'push' && <SecondaryDismiss host={host} />}
        <button type="button" class="close" onClick={() => host.dismiss('close')}>
          <span aria-hidden="true">×</span>Close
        </button>
      </div>
    </div>
  )
}

function FocusParts({ host }: { host: ItemHost }) {
  const { item } = host
  const [sent, setSent] = useState(false)
  const ctaUrl = item.cta ? safeUrl(item.cta.url, host.baseUrl) : null
  return (
    <>
      {item.code && <Code host={host} code={item.code} />}
      {item.form && (sent ? <Success text={item.form.successMessage ?? thanks} /> : <LeadForm host={host} onDone={() => setSent(true)} />)}
      {item.cta && ctaUrl && (
        <a class="primary cta" href={ctaUrl} onClick={() => host.convert('cta', { url: ctaUrl })}>
          {item.cta.label}
        </a>
      )}
    </>
  )
}

function Code({ host, code }: { host: ItemHost; code: string }) {
  const [copied, setCopied] = useState<'' | 'yes' | 'select'>('')
  const text = useRef<HTMLElement>(null)
  const copy = () => {
    host.convert('copy')
    const selectCode = () => {
      // no clipboard (insecure context, permission): select the code so Ctrl+C copies it
      const range = document.createRange()
      range.selectNodeContents(text.current!)
      getSelection()?.removeAllRanges()
      getSelection()?.addRange(range)
      setCopied('select')
    }
    if (!navigator.clipboard) return selectCode()
    navigator.clipboard.writeText(code).then(() => setCopied('yes'), selectCode)
  }
  return (
    <p class="code-row">
      <code class="code" ref={text}>
        {code}
      </code>
      <button type="button" class="copy" onClick={copy}>
        {copied === 'yes' ? 'Copied' : 'Copy code'}
      </button>
      <span class="status" role="status">
        {copied === 'yes' ? `Copied ${code}` : copied === 'select' ? 'Press Ctrl+C to copy' : ''}
      </span>
    </p>
  )
}

function AssetParts({ host }: { host: ItemHost }) {
  const { item } = host
  const [unlocked, setUnlocked] = useState(item.gate !== 'email')
  const url = item.asset ? safeUrl(item.asset.url, host.baseUrl) : null
  if (!url) return null
  if (!unlocked) return <LeadForm host={host} onDone={() => setUnlocked(true)} />
  return (
    <>
      {item.gate === 'email' && <Success text={item.form?.successMessage ?? thanks} />}
      <a class="primary cta" href={url} download={item.asset?.filename ?? ''} onClick={() => host.convert('download', { url })}>
        {item.cta?.label ?? 'Download'}
      </a>
    </>
  )
}

function PushParts({ host }: { host: ItemHost }) {
  const [answer, setAnswer] = useState('')
  const allow = () => {
    // requestPermission must be called inside this click: the host does it synchronously
    void host.allowPush().then((permission) => {
      if (permission === 'granted') host.close()
      else setAnswer(permission === 'denied' ? 'Notifications are blocked in your browser settings.' : 'This browser cannot show notifications.')
    })
  }
  return (
    <>
      {answer && <Success text={answer} />}
      <p class="actions">
        <button type="button" class="primary" onClick={allow}>
          Allow
        </button>
        <SecondaryDismiss host={host} />
      </p>
    </>
  )
}

/**
 * The owner's `dismissLabel` ("No thanks", "Not now"), when given: the one button besides Close
 * (contract §6: every item has Close) that dismisses. No built-in second one ("Later" beside
 * "Not now" and Close was three ways to say no).
 */
function SecondaryDismiss({ host }: { host: ItemHost }) {
  const label = host.item.dismissLabel
  return label ? (
    <button type="button" class="secondary" onClick={() => host.dismiss('secondary')}>
      {label}
    </button>
  ) : null
}

function Success({ text }: { text: string }) {
  return (
    <p class="success" role="status">
      {text}
    </p>
  )
}

function Countdown({ until }: { until: number }) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const left = formatRemaining(until - now)
  return left ? (
    <p class="countdown">
      Ends in <time>{left}</time>
    </p>
  ) : null
}
