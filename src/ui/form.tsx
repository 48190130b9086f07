import { useState } from 'preact/hooks'
import type { ItemHost } from './types.js'
import { checkForm, type FormErrors } from './validate-form.js'

/** Email capture (and an optional name and consent box), with inline messages. */
export function LeadForm({ host, onDone }: { host: ItemHost; onDone: () => void }) {
  const form = host.item.form ?? {}
  const [errors, setErrors] = useState<FormErrors>({})
  const submit = (event: Event) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const email = String(data.get('email') ?? '').trim()
    const consent = data.get('consent') === 'on'
    const found = checkForm({ email, consent }, !!form.consent)
    setErrors(found)
    if (found.email || found.consent) return
    const name = String(data.get('name') ?? '').trim()
    host.capture({ email, ...(name ? { name } : {}), ...(form.consent ? { consent } : {}) })
    onDone()
  }
  return (
    <form class="form" noValidate onSubmit={submit}>
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
      {form.consent && (
        <label class="check">
          <input
            name="consent"
            type="checkbox"
            aria-invalid={errors.consent ? 'true' : undefined}
            aria-describedby={errors.consent ? 'jk-consent-error' : undefined}
          />
          {form.consent}
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
