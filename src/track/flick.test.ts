import { describe, expect, it } from 'vitest'
import { readsAsExit, type ScrollSample } from './flick.js'

/** Samples one frame apart (16 ms), from `y` moving `step` px a frame, starting at `t`. */
const frames = (t: number, y: number, step: number, count: number): ScrollSample[] =>
  Array.from({ length: count + 1 }, (_, i) => ({ t: t + i * 16, y: y + i * step }))

/** A fling: starts at `speed` px per frame and slows down by `decay` each frame. */
const fling = (t: number, y: number, speed: number, count: number, decay = 0.92): ScrollSample[] => {
  const out: ScrollSample[] = []
  for (let i = 0; i <= count; i++, speed *= decay) out.push({ t: t + i * 16, y: Math.round((y += i ? speed : 0)) })
  return out
}

const last = (samples: ScrollSample[]) => samples[samples.length - 1]!
const then = (samples: ScrollSample[], pauseMs: number, next: (t: number, y: number) => ScrollSample[]) => [
  ...samples,
  ...next(last(samples).t + pauseMs, last(samples).y).slice(1),
]

// A 6,000 px article on a 412×839 phone: 5,161 px to scroll; 45% is y = 2,322.
const readTo45 = [...frames(0, 0, 20, 40), ...frames(3000, 800, 20, 40), ...frames(6000, 1600, 20, 36)] // ends at 2,320
const depth45 = 0.45

type Row = [name: string, samples: ScrollSample[], depth: number, exit: boolean]

const rows: Row[] = [
  ['read, pause 2 s, flick up 420 px in six frames (the 0.1.0 miss)', then(readTo45, 2000, (t, y) => frames(t, y, -70, 6)), depth45, true],
  ['the same flick, then its fling', then(readTo45, 2000, (t, y) => [...frames(t, y, -70, 6), ...fling(t + 96, y - 420, -60, 30).slice(1)]), depth45, true],
  [
    'a finger held still for 2 s, then the flick (touchstart, touchend, then the fling)',
    [{ t: 0, y: 2320 }, { t: 2000, y: 2300 }, ...fling(2016, 2300, -70, 20).slice(1)],
    depth45,
    true,
  ],
  [
    'at the thresholds: 300 px up, 2.5 px/ms over 60 ms',
    [
      { t: 0, y: 2320 },
      { t: 1000, y: 2300 },
      { t: 1060, y: 2150 },
      { t: 1120, y: 2020 },
    ],
    depth45,
    true,
  ],
  [
    'a busy main thread: a flick seen in samples 140 ms apart',
    [
      { t: 0, y: 2320 },
      { t: 140, y: 1920 },
      { t: 280, y: 1600 },
    ],
    depth45,
    true,
  ],
  [
    // The flick of phone.spec.ts with 170 ms long tasks on the page: lifted 96 ms after landing
    // by the touch events' clock, handled 1.4 s later, then the fling at 3.4 px/ms, one frame
    // rendered every 175 ms.
    'a busy main thread: the fling seen in samples 175 ms apart',
    [
      { t: 0, y: 2796 },
      { t: 1413, y: 2426 },
      { t: 1584, y: 2318 },
      { t: 1760, y: 1726 },
      { t: 1935, y: 1279 },
      { t: 2109, y: 931 },
    ],
    depth45,
    true,
  ],
  [
    'a busy main thread: a re-reading swipe at 1.25 px/ms seen in samples 175 ms apart',
    [
      { t: 0, y: 2320 },
      { t: 250, y: 2080 },
      { t: 425, y: 1861 },
      { t: 600, y: 1700 },
      { t: 775, y: 1600 },
    ],
    depth45,
    false,
  ],
  ['slow re-reading up: 300 px in a second', then(readTo45, 2000, (t, y) => frames(t, y, -5, 60)), depth45, false],
  [
    'a re-reading swipe: 250 px at 1.25 px/ms, and its fling',
    then(readTo45, 2000, (t, y) => [...frames(t, y, -20, 12), ...fling(t + 192, y - 240, -18, 40).slice(1)]),
    depth45,
    false,
  ],
  ['a fling down', then(readTo45, 2000, (t, y) => fling(t, y, 70, 40)), depth45, false],
  ['the flick before reading 30%', then(frames(0, 0, 20, 60), 2000, (t, y) => frames(t, y, -70, 6)), 0.25, false],
  ['a fast twitch up: 150 px at 4 px/ms', then(readTo45, 2000, (t, y) => frames(t, y, -65, 2)), depth45, false],
  [
    'a flick up that turned back down at the end',
    then(
      then(readTo45, 2000, (t, y) => frames(t, y, -70, 6)),
      16,
      (t, y) => frames(t, y, 5, 1),
    ),
    depth45,
    false,
  ],
  [
    'a slow run up with a pause of 2 s in it',
    [
      { t: 0, y: 2320 },
      { t: 2000, y: 1900 },
      { t: 4000, y: 1500 },
    ],
    depth45,
    false,
  ],
  ['one sample', [{ t: 0, y: 2320 }], depth45, false],
  ['no samples', [], depth45, false],
]

describe('readsAsExit: the gesture table', () => {
  it.each(rows)('%s → %s', (_name, samples, depth, exit) => {
    expect(readsAsExit(samples, depth)).toBe(exit)
  })
})
