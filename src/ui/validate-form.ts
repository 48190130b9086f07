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
