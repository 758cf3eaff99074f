import type { ComponentChild } from 'preact'
import { hasOwn } from '../core/own'

/**
 * Split a text on `{name}` placeholders and put the given nodes in their place: markup stays
 * data, never HTML parsed from config or translation strings. Unknown placeholders stay as text.
 */
export const format = (text: string, slots: Record<string, ComponentChild>): ComponentChild[] => {
  // Split on a capturing group: the placeholder names are at the odd indices. A plain loop: a
  // page may replace Array.prototype.map with one that passes no index.
  const parts = text.split(/\{(\w+)\}/)
  const nodes: ComponentChild[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (i % 2 == 0) nodes.push(part)
    else nodes.push(hasOwn(slots, part) ? slots[part] : `{${part}}`)
  }
  return nodes
}
