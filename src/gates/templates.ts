import { domGate } from './dom'
import { carriesNonce, type ScriptGateOptions } from './trust'

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
      const content = element.ownerDocument.importNode((element as HTMLTemplateElement).content, true)
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
