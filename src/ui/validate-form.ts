import type { Consent } from '../config/types.js'

const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

export interface FormErrors {
  email?: string
  consent?: string
}

/** The form's inline messages; empty when it may be sent. */
export function checkForm(values: { email: string; consent: boolean }, needsConsent: boolean): FormErrors {
  const errors: FormErrors = {}
  const email = values.email.trim()
  if (!email) errors.email = 'Please enter your email address.'
  else if (email.length > 254 || !emailPattern.test(email)) errors.email = 'Please enter a valid email address, like name@example.com.'
  if (needsConsent && !values.consent) errors.consent = 'Please tick the box to continue.'
  return errors
}

/**
 * The consent box a form shows, if any: a plain string (the older form) is a box the visitor
 * must tick; `{ text, required }` says whether they must.
 *
 * @example
 * consentOf('Send me offers') // { text: 'Send me offers', required: true }
 */
export function consentOf(consent: string | Consent | undefined): Required<Consent> | null {
  const text = typeof consent === 'string' ? consent : consent?.text
  // no words, no box: a visitor cannot agree to nothing
  return text ? { text, required: typeof consent === 'string' || consent?.required === true } : null
}
