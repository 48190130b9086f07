/** `device.type` from the user agent string, or its Client Hints `mobile` flag; `device.language`. */
export function deviceFacts(): { type: 'desktop' | 'mobile' | 'tablet'; language: string } {
  const nav = navigator as Navigator & { userAgentData?: { mobile?: boolean } }
  const ua = nav.userAgent || ''
  // An Android phone that is no tablet says `Mobile` after `Android`, so `Mobi` catches it.
  const type = /iPad|Tablet|PlayBook|Silk|Android(?!.*Mobile)/i.test(ua)
    ? 'tablet'
    : nav.userAgentData?.mobile || /Mobi|iPhone|iPod/i.test(ua)
      ? 'mobile'
      : 'desktop'
  return { type, language: nav.language || '' }
}
