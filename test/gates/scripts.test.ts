import { describe, expect, it, vi } from 'vitest'
import { blankPage, openPage, requests, quietFor } from '../support/browser'
import { gate } from '../support/gate'

const gated = `
  <script type="text/plain" data-consent="analytics" src="/__gated/a.js?delay=150"></script>
  <script type="text/plain" data-consent="analytics">ran.push('b')</script>
  <script type="text/plain" data-consent="marketing" src="/__gated/c.js"></script>
  <script type="text/plain" data-consent="analytics.fullstory">ran.push('d')</script>
  <script type="text/plain" data-consent="analytics" src="/__gated/e.js?delay=50"></script>
  <script type="text/plain" data-consent="analytics">ran.push('f')</script>`

describe('gated scripts', () => {
  it('stay inert and request nothing before consent', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>${gated}`)
    gate(doc).rejectAll()
    await quietFor(300)
    expect(win.ran).toEqual([])
    expect(await requests()).toEqual([])
  })

  it('run on grant in document order, each external one loaded before the next runs', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>${gated}`)
    gate(doc).acceptAll()
    await expect.poll(() => win.ran.length).toBe(6)
    expect(win.ran).toEqual(['a.js', 'b', 'c.js', 'd', 'e.js', 'f'])
    expect((await requests()).sort()).toEqual(['/__gated/a.js?delay=150', '/__gated/c.js', '/__gated/e.js?delay=50'])
  })

  it('run only the granted category or service', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>${gated}`)
    gate(doc).setConsent({ analytics: true, 'analytics.fullstory': false })
    await expect.poll(() => win.ran.length).toBe(4)
    await quietFor(100)
    expect(win.ran).toEqual(['a.js', 'b', 'e.js', 'f'])
    expect(await requests()).not.toContain('/__gated/c.js')
  })

  it('never run twice, whatever the consent does next', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>${gated}`)
    const consent = gate(doc)
    consent.acceptAll()
    consent.rejectAll()
    consent.acceptAll()
    await expect.poll(() => win.ran.length).toBe(6)
    consent.setConsent({ marketing: false })
    consent.acceptAll()
    doc.body.append(doc.createElement('div'))
    await quietFor(300)
    expect(win.ran).toEqual(['a.js', 'b', 'c.js', 'd', 'e.js', 'f'])
    expect(await requests()).toHaveLength(3)
  })

  it('keep every attribute, drop the type, and keep the position', async () => {
    const { doc } = await blankPage(`<p id="before"></p>
      <script type="text/plain" data-consent="analytics" id="tag" data-id="G-1" crossorigin="anonymous" referrerpolicy="no-referrer" src="/__gated/attrs.js"></script>
      <p id="after"></p>`)
    gate(doc).acceptAll()
    await expect.poll(() => doc.getElementById('tag')?.getAttribute('type')).toBe(null)
    const script = doc.getElementById('tag') as HTMLScriptElement
    expect(script.dataset.id).toBe('G-1')
    expect(script.crossOrigin).toBe('anonymous')
    expect(script.referrerPolicy).toBe('no-referrer')
    expect(script.getAttribute('src')).toBe('/__gated/attrs.js')
    expect(script.previousElementSibling!.id).toBe('before')
    expect(script.nextElementSibling!.id).toBe('after')
  })

  it('run as modules with data-type="module"', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>
      <script type="text/plain" data-type="module" data-consent="analytics">ran.push(typeof import.meta)</script>`)
    gate(doc).acceptAll()
    await expect.poll(() => win.ran).toEqual(['object'])
    expect(doc.querySelector('script[data-consent]')!.getAttribute('type')).toBe('module')
  })

  it('keep the nonce under a nonce-only Content Security Policy', async () => {
    const { win, doc } = await openPage(
      `<!doctype html><script nonce="n0nce">window.ran = []</script>
      <script type="text/plain" data-consent="analytics" nonce="n0nce">ran.push('with nonce')</script>
      <script type="text/plain" data-consent="analytics" nonce="n0nce" src="/__gated/external.js"></script>
      <script type="text/plain" data-consent="analytics">ran.push('without nonce')</script>`,
      { headers: { 'content-security-policy': "script-src 'nonce-n0nce'" } },
    )
    // Parsed under a CSP header, the nonce attribute is hidden; only the property holds it.
    expect(doc.querySelector('script[data-consent]')!.getAttribute('nonce')).toBe('')
    gate(doc).acceptAll()
    await expect.poll(() => win.ran.length).toBe(2)
    await quietFor(100)
    expect(win.ran).toEqual(['with nonce', 'external.js'])
  })

  it('run only the scripts that carry the nonce given in the options, on a page without any policy', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>
      <script type="text/plain" data-consent="analytics" nonce="n0nce">ran.push('with nonce')</script>
      <script type="text/plain" data-consent="analytics">ran.push('without nonce')</script>
      <template data-consent="analytics"><script nonce="n0nce">ran.push('template with nonce')</script><script>ran.push('template without')</script></template>`)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      gate(doc, { nonce: 'n0nce' }).acceptAll()
      await expect.poll(() => win.ran.length).toBe(2)
      await quietFor(100)
      expect(win.ran).toEqual(['template with nonce', 'with nonce'])
      expect(warn).toHaveBeenCalledTimes(2)
    } finally {
      warn.mockRestore()
    }
  })

  it('do not hold the queue for a script marked async', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>
      <script type="text/plain" data-consent="analytics" async src="/__gated/slow.js?delay=300"></script>
      <script type="text/plain" data-consent="analytics">ran.push('next')</script>`)
    gate(doc).acceptAll()
    await expect.poll(() => win.ran.length).toBe(2)
    expect(win.ran).toEqual(['next', 'slow.js'])
  })

  it('carry on after a gated script that fails to load', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>
      <script type="text/plain" data-consent="analytics" src="/__missing/broken.js"></script>
      <script type="text/plain" data-consent="analytics">ran.push('after')</script>`)
    gate(doc).acceptAll()
    await expect.poll(() => win.ran).toEqual(['after'])
  })

  it('handle gated scripts added later, as single-page apps do', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>`)
    const consent = gate(doc)
    const add = (id: string, name: string) => {
      const script = doc.createElement('script')
      script.type = 'text/plain'
      script.dataset.consent = name
      script.text = `ran.push('${id}')`
      doc.body.append(script)
    }
    add('early', 'marketing')
    await quietFor(50)
    expect(win.ran).toEqual([])
    consent.acceptAll()
    await expect.poll(() => win.ran).toEqual(['early'])
    add('late', 'analytics')
    await expect.poll(() => win.ran).toEqual(['early', 'late'])
    const wrapper = doc.createElement('section')
    wrapper.innerHTML = `<div><script type="text/plain" data-consent="marketing">ran.push('nested')</script></div>`
    doc.body.append(wrapper)
    await expect.poll(() => win.ran).toEqual(['early', 'late', 'nested'])
  })

  it('stop reacting once the instance is destroyed', async () => {
    const { win, doc } = await blankPage(`<script>window.ran = []</script>${gated}`)
    const consent = gate(doc)
    consent.destroy()
    consent.acceptAll()
    await quietFor(100)
    expect(win.ran).toEqual([])
  })
})
