/** Journeys on the canvas, the rules list, or the items with their preview: which part of the file the studio shows. */
export type View = 'journeys' | 'rules' | 'items'

const labels: Record<View, string> = { journeys: 'Journeys', rules: 'Rules', items: 'Items' }

export function ViewSwitch({ view, setView }: { view: View; setView(view: View): void }) {
  return (
    <nav class="views" aria-label="Part of the file">
      {(Object.keys(labels) as View[]).map((name) => (
        <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
          {labels[name]}
        </button>
      ))}
    </nav>
  )
}
