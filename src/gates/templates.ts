import { domGate } from './dom-gate'
import { carriesNonce, type ScriptGateOptions } from './trust'

/**
 * A copy of a template's content built element by element, which leaves out shadow roots: a
 * declarative shadow root (`<template shadowrootmode shadowrootclonable>`) would otherwise carry
 * scripts past the nonce check, hidden from it inside the shadow tree.
 */
const lightCopy = (node: Node, doc: Document): Node => {
  if (node.nodeType != Node.ELEMENT_NODE) return doc.importNode(node, false)
  const element = node as Element
  const copy = doc.createElementNS(element.namespaceURI, element.localName)
  for (const { name, value } of element.attributes) copy.setAttribute(name, value)
  const from = element.localName == 'template' ? (element as HTMLTemplateElement).content : element
  const into = copy.localName == 'template' ? (copy as HTMLTemplateElement).content : copy
  for (const child of from.childNodes) into.append(lightCopy(child, doc))
  return copy
}

const contentOf = (template: HTMLTemplateElement, nonce: string | undefined) => {
  const doc = template.ownerDocument
  if (!nonce) return doc.importNode(template.content, true)
  const fragment = doc.createDocumentFragment()
  for (const child of template.content.childNodes) fragment.append(lightCopy(child, doc))
  return fragment
}

/**
 * Gate for `<template data-consent>`: its content is inserted after it when granted and
 * removed again when withdrawn. Scripts in it run, but only those that carry the page's nonce
 * when the gate knows one.
 */
export const templates = ({ nonce }: ScriptGateOptions = {}) => {
  const inserted = new WeakMap<Element, ChildNode[]>()
  return domGate('template[data-consent]', (element, granted) => {
    const nodes = inserted.get(element)
    if (granted && !nodes) {
      const content = contentOf(element as HTMLTemplateElement, nonce)
      for (const script of content.querySelectorAll('script')) {
        if (carriesNonce(script, nonce)) continue
        console.warn("consentry: a script without the page's nonce was left out of a gated template", script)
        script.remove()
      }
      inserted.set(element, [...content.childNodes])
      element.after(content)
    } else if (!granted && nodes) {
      for (const node of nodes) node.remove()
      inserted.delete(element)
    }
  })
}
