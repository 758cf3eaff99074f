import { domGate } from './dom'

/**
 * Gate for `<template data-consent>`: its content is inserted after it when granted and
 * removed again when withdrawn.
 */
export const templates = () => {
  const inserted = new WeakMap<Element, ChildNode[]>()
  return domGate('template[data-consent]', (element, granted) => {
    const nodes = inserted.get(element)
    if (granted && !nodes) {
      const content = element.ownerDocument.importNode((element as HTMLTemplateElement).content, true)
      inserted.set(element, [...content.childNodes])
      element.after(content)
    } else if (!granted && nodes) {
      for (const node of nodes) node.remove()
      inserted.delete(element)
    }
  })
}
