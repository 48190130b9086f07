/** `device.type` from the user agent's own hint when there is one, else the screen. */
export function deviceFacts(): { type: 'desktop' | 'mobile' | 'tablet'; language: string } {
  const nav = navigator as Navigator & { userAgentData?: { mobile?: boolean } }
  const ua = nav.userAgent || ''
  let type: 'desktop' | 'mobile' | 'tablet' = 'desktop'
  if (/iPad|Tablet|PlayBook|Silk|Android(?!.*Mobile)/i.test(ua)) type = 'tablet'
  else if (nav.userAgentData?.mobile || /Mobi|iPhone|iPod|Android/i.test(ua)) type = 'mobile'
  return { type, language: nav.language || '' }
}
