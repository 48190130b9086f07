/** `push.permission`: `default`, `granted`, `denied`, or `unsupported` (no service worker, Push API or notifications here, as on iOS Safari outside a home-screen app). */
export function pushPermission(): NotificationPermission | 'unsupported' {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || typeof PushManager === 'undefined' || typeof Notification === 'undefined') {
    return 'unsupported'
  }
  return Notification.permission
}
