/**
 * Live counts on the canvas: when the studio runs with `--collector <url>`, its server passes on
 * the collector's per-box figures at api/counts (counts.ts); the app asks again every few
 * seconds. Without a collector (404) it stops asking and the canvas shows no counts.
 */
import { useEffect, useState } from 'preact/hooks'
import type { BoxCounts } from '../counts.js'

const every = 5000

export function useLiveCounts(): BoxCounts | null {
  const [counts, setCounts] = useState<BoxCounts | null>(null)
  useEffect(() => {
    const token = document.getElementById('studio')?.dataset.token ?? ''
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const ask = async () => {
      const response = await fetch('api/counts', { headers: { 'X-Journeykit-Token': token }, cache: 'no-store' }).catch(() => null)
      if (stopped || response?.status === 404) return
      if (response?.ok) setCounts(((await response.json()) as { counts: BoxCounts }).counts)
      timer = setTimeout(() => void ask(), every)
    }
    void ask()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [])
  return counts
}
