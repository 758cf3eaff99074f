import type { ComponentChild } from 'preact'

/**
 * Split a text on `{name}` placeholders and put the given nodes in their place: markup stays
 * data, never HTML parsed from config or translation strings. Unknown placeholders stay as text.
 */
export const format = (text: string, slots: Record<string, ComponentChild>): ComponentChild[] =>
  text.split(/\{(\w+)\}/).map((part, i) => (i % 2 && part in slots ? slots[part] : i % 2 ? `{${part}}` : part))
