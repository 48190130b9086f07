/**
 * The studio's browser app (dist/studio/app.js): mounts on #studio, with the token the server put
 * in its data-token (or the page's own ?token=), which every request to the server carries.
 */
import { render } from 'preact'
import { useErrorBoundary, useMemo } from 'preact/hooks'
import { studioApi } from './api.js'
import { Message } from './notices.js'
import { Studio } from './studio.js'
import { adoptStyles } from './styles.js'

/** A bug in the studio shows as what it is, not as a blank page; the file on disk is untouched. */
function Guarded({ token, site }: { token: string; site: string | null }) {
  const [error] = useErrorBoundary()
  const api = useMemo(() => studioApi(token), [token])
  if (error)
    return (
      <Message title="The studio hit a bug">
        <p>{String((error as Error).message ?? error)}</p>
        <p>Nothing was saved by it. Reload the page to start again from the file.</p>
      </Message>
    )
  return <Studio api={api} site={site} />
}

const root = document.getElementById('studio')
if (root) {
  adoptStyles(document)
  render(<Guarded token={root.dataset.token || new URLSearchParams(location.search).get('token') || ''} site={root.dataset.site || null} />, root)
}
