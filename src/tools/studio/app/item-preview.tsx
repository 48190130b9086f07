/**
 * The Items view's live preview: the draft item drawn by journeykit's own UI chunk in four frames
 * of the studio's server (preview.html: desktop and phone widths, light and dark), posted to them
 * again at each change, saved or not. The frames are pictures: inert, so they take no focus, no
 * click and no keystroke from the studio (a modal in them would trap the keyboard).
 */
import { useEffect, useRef } from 'preact/hooks'
import type { Item, Theme } from '../../../config/types.js'
import { gallerySchemes, galleryWidths, type GalleryWidth } from '../../gallery/matrix.js'
import type { PreviewMessage } from '../preview-protocol.js'

export interface ItemPreviewProps {
  id: string
  item: Item
  theme: Theme | undefined
  /** The frame's address for a scheme (the API's previewFrame). */
  frameOf(scheme: 'light' | 'dark'): string
}

/** How much smaller than life the frames are drawn. */
const scale = 0.36
const widths = Object.keys(galleryWidths) as GalleryWidth[]

export function ItemPreview({ id, item, theme, frameOf }: ItemPreviewProps) {
  const section = useRef<HTMLElement>(null)
  const message = useRef<PreviewMessage | null>(null)
  message.current = { journeykitStudio: 'draw', id, item, theme }
  const post = (frame: HTMLIFrameElement) => frame.contentWindow?.postMessage(message.current, location.origin)
  const drawn = JSON.stringify(message.current)
  useEffect(() => section.current?.querySelectorAll('iframe').forEach(post), [drawn])

  return (
    <section class="preview" aria-labelledby="preview-title" ref={section}>
      <h2 id="preview-title">Preview of {id}</h2>
      <p class="hint">Drawn by journeykit’s own item code as you type, before you save. Links and forms do nothing here.</p>
      {gallerySchemes.map((scheme) => (
        <div class="preview-row" key={scheme}>
          {widths.map((width) => {
            const size = galleryWidths[width]
            return (
              <figure key={width}>
                <div class="preview-box" style={{ width: `${size.width * scale}px`, height: `${size.height * scale}px` }}>
                  <iframe
                    title={`Preview: ${width}, ${scheme}`}
                    src={frameOf(scheme)}
                    width={size.width}
                    height={size.height}
                    style={{ transform: `scale(${scale})` }}
                    inert
                    onLoad={(event) => post(event.currentTarget)}
                  />
                </div>
                <figcaption>
                  {width}, {scheme}
                </figcaption>
              </figure>
            )
          })}
        </div>
      ))}
    </section>
  )
}
