/** "2d 03:04:05" / "03:04:05" / "04:05" for a time left in ms; "" once it has passed. */
export function formatRemaining(ms: number): string {
  if (!(ms > 0)) return ''
  const seconds = Math.floor(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const days = Math.floor(seconds / 86_400)
  const hours = Math.floor((seconds % 86_400) / 3600)
  const clock = `${hours || days ? `${pad(hours)}:` : ''}${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`
  return days ? `${days}d ${clock}` : clock
}
