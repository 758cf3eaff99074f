import { describe, expect, it } from 'vitest'
import { blankPage, requests, quietFor } from '../support/browser'
import { gate } from '../support/gate'

const page = `<iframe id="video" data-consent="marketing" data-src="/__gated/embed.html" title="Video"></iframe>
  <img id="pixel" data-consent="analytics" data-src="/__gated/pixel.gif" alt="">`

describe('gated iframes and images', () => {
  it('load nothing before consent', async () => {
    const { doc } = await blankPage(page)
    gate(doc).rejectAll()
    await quietFor(100)
    expect(doc.getElementById('video')!.hasAttribute('src')).toBe(false)
    expect(doc.getElementById('pixel')!.hasAttribute('src')).toBe(false)
    expect(await requests()).toEqual([])
  })

  it('get their src on grant, each requested once', async () => {
    const { doc } = await blankPage(page)
    const consent = gate(doc)
    consent.acceptAll()
    consent.acceptAll()
    const video = doc.getElementById('video') as HTMLIFrameElement
    await new Promise((done) => (video.onload = done))
    expect(video.contentDocument!.body.textContent).toBe('embedded embed.html')
    await expect.poll(async () => (await requests()).sort()).toEqual(['/__gated/embed.html', '/__gated/pixel.gif'])
  })

  it('unload on withdrawal: the iframe goes to about:blank, the image loses its src', async () => {
    const { doc } = await blankPage(page)
    const consent = gate(doc)
    consent.acceptAll()
    consent.rejectAll()
    expect(doc.getElementById('video')!.getAttribute('src')).toBe('about:blank')
    expect(doc.getElementById('pixel')!.hasAttribute('src')).toBe(false)
    consent.setConsent({ marketing: true })
    expect(doc.getElementById('video')!.getAttribute('src')).toBe('/__gated/embed.html')
  })
})
