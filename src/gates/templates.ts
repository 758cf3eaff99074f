import { domGate } from './dom-gate'
import { carriesNonce, copyAttribute, copyScript, scriptPolicy, type ScriptGateOptions } from './trust'

/**
 * A copy of a template's content built element by element, which leaves out shadow roots: a
 * declarative shadow root (`<template shadowrootmode shadowrootclonable>`) would otherwise carry
 * scripts past the nonce check, hidden from it inside the shadow tree.
 */
const lightCopy = (node: Node, doc: Document): Node => {
  if (node.nodeType != Node.ELEMENT_NODE) return doc.importNode(node, false)
  const element = node as Element
  if (element instanceof HTMLScriptElement) return copyScript(element, doc, element.getAttribute('type'))
  const copy = doc.createElementNS(element.namespaceURI, element.localName)
  const policy = scriptPolicy(doc.defaultView!)
  for (const { name, value } of element.attributes) copyAttribute(copy, name, value, policy)
  const from = element.localName == 'template' ? (element as HTMLTemplateElement).content : element
  const into = copy.localName == 'template' ? (copy as HTMLTemplateElement).content : copy
  for (const child of from.childNodes) into.append(lightCopy(child, doc))
  return copy
}

/**
 * The content to insert for a template: under a nonce, a light copy; otherwise an imported one.
 * Either way its scripts are created anew through the Trusted Types policy, which a page that
 * requires Trusted Types demands of scripts that the DOM, not its parser, puts in place.
 */
const contentOf = (template: HTMLTemplateElement, nonce: string | undefined) => {
  const doc = template.ownerDocument
  if (!nonce) {
    const content = doc.importNode(template.content, true)
    for (const script of content.querySelectorAll('script')) {
      script.replaceWith(copyScript(script, doc, script.getAttribute('type')))
    }
    return content
  }
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
