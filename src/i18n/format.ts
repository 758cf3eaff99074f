import type { ComponentChild } from 'preact'
import { mapIndexed } from '../core/indexed'
import { hasOwn } from '../core/own'

/**
 * Split a text on `{name}` placeholders and put the given nodes in their place: markup stays
 * data, never HTML parsed from config or translation strings. Unknown placeholders stay as text.
 */
export const format = (text: string, slots: Record<string, ComponentChild>): ComponentChild[] =>
  // Split on a capturing group: the placeholder names are at the odd indices.
  mapIndexed(text.split(/\{(\w+)\}/), (part, i): ComponentChild => {
    if (i % 2 == 0) return part
    return hasOwn(slots, part) ? slots[part] : `{${part}}`
  })
