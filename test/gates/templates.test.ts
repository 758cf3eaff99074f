import { describe, expect, it } from 'vitest'
import { blankPage, requests, quietFor } from '../support/browser'
import { gate } from '../support/gate'

const page = `<script>window.ran = []</script><div id="box"><template data-consent="marketing">
  <img id="pixel" src="/__gated/pixel.gif" alt="">
  <script>ran.push('widget')</script>
  <p id="chat">chat</p>
</template><span id="end"></span></div>`

describe('gated templates', () => {
  it('stay inert before consent: no pixel, no script', async () => {
    const { win, doc } = await blankPage(page)
    gate(doc).rejectAll()
    await quietFor(100)
    expect(doc.getElementById('pixel')).toBeNull()
    expect(win.ran).toEqual([])
    expect(await requests()).toEqual([])
  })

  it('insert their content in place on grant, scripts included', async () => {
    const { win, doc } = await blankPage(page)
    gate(doc).setConsent({ marketing: true })
    expect(doc.querySelector('template')!.nextElementSibling!.id).toBe('pixel')
    expect(doc.getElementById('chat')!.nextElementSibling!.id).toBe('end')
    await expect.poll(() => win.ran).toEqual(['widget'])
    await expect.poll(() => requests()).toEqual(['/__gated/pixel.gif'])
  })

  it('remove the content on withdrawal and insert it again on a new grant', async () => {
    const { doc } = await blankPage(page)
    const consent = gate(doc)
    consent.acceptAll()
    consent.setConsent({ marketing: false })
    expect(doc.getElementById('chat')).toBeNull()
    expect(doc.getElementById('box')!.children.length).toBe(2)
    consent.setConsent({ marketing: true })
    expect(doc.querySelectorAll('#chat')).toHaveLength(1)
  })

  it('handle templates added later', async () => {
    const { doc } = await blankPage()
    gate(doc).acceptAll()
    doc.body.insertAdjacentHTML('beforeend', '<template data-consent="analytics.ga"><i id="late"></i></template>')
    await expect.poll(() => doc.getElementById('late')).not.toBeNull()
  })
})
