import { useRef, useState } from 'preact/hooks'
import type { ItemHost } from './types.js'
import { checkForm, consentOf, type FormErrors } from './validate-form.js'

/**
 * Email capture (and an optional name and consent box), with inline messages: a focus item's
 * form, and an asset's email gate (both read `item.form`).
 */
export function LeadForm({ host, onDone }: { host: ItemHost; onDone: () => void }) {
  const form = host.item.form ?? {}
  const consent = consentOf(form.consent)
  const [errors, setErrors] = useState<FormErrors>({})
  const root = useRef<HTMLFormElement>(null)
  const submit = (event: Event) => {
    event.preventDefault()
    const data = new FormData(root.current!)
    const email = String(data.get('email') ?? '').trim()
    const agreed = data.get('consent') === 'on'
    const found = checkForm({ email, consent: agreed }, !!consent?.required)
    setErrors(found)
    if (found.email || found.consent) {
      // Focus the first field to fix: a screen reader reads it with its message (aria-describedby).
      root.current!.querySelector<HTMLElement>(found.email ? 'input[name=email]' : 'input[name=consent]')?.focus()
      return
    }
    const name = String(data.get('name') ?? '').trim()
    host.capture({ email, ...(name ? { name } : {}), ...(consent ? { consent: agreed, consentText: consent.text } : {}) })
    onDone()
  }
  return (
    <form class="form" noValidate onSubmit={submit} ref={root}>
      {form.name && (
        <label>
          Name
          <input name="name" autoComplete="name" maxLength={100} />
        </label>
      )}
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={errors.email ? 'true' : undefined}
          aria-describedby={errors.email ? 'jk-email-error' : undefined}
        />
      </label>
      {errors.email && (
        <p class="error" id="jk-email-error">
          {errors.email}
        </p>
      )}
      {consent && (
        <label class="check">
          <input
            name="consent"
            type="checkbox"
            required={consent.required}
            aria-invalid={errors.consent ? 'true' : undefined}
            aria-describedby={errors.consent ? 'jk-consent-error' : undefined}
          />
          {consent.text}
        </label>
      )}
      {errors.consent && (
        <p class="error" id="jk-consent-error">
          {errors.consent}
        </p>
      )}
      <button type="submit" class="primary">
        {form.submitLabel ?? 'Send'}
      </button>
    </form>
  )
}
