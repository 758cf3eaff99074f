// Where in the editor's text a path of Consentry's validator points, through the JSON syntax tree:
// `categories.analytics.services.ga.cookies[0]` → the node of that array item.
import { syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'
import type { SyntaxNode } from '@lezer/common'

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null'])

/** The segments of a validator path: names split on dots, `[n]` indices apart. */
const segmentsOf = (path: string) =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment != '')

const children = (node: SyntaxNode) => {
  const found: SyntaxNode[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) found.push(child)
  return found
}

const keyOf = (state: EditorState, property: SyntaxNode) => {
  const name = property.getChild('PropertyName')
  if (!name) return undefined
  try {
    return JSON.parse(state.sliceDoc(name.from, name.to)) as string
  } catch {
    return undefined
  }
}

/**
 * The text range of the deepest node the path reaches: a property (key and value) or an array
 * item. A text name may hold dots (`texts.en.analytics.purpose`), so joined segments are tried
 * too; a missing key (`…: missing`) stops at its parent.
 */
export const rangeOfPath = (state: EditorState, path: string): { from: number; to: number } => {
  const segments = segmentsOf(path)
  let value = children(syntaxTree(state).topNode).find((node) => VALUES.has(node.name))
  let range: SyntaxNode | undefined = value
  let i = 0
  while (value && i < segments.length) {
    let next: SyntaxNode | undefined
    if (value.name == 'Object') {
      const properties = children(value).filter((node) => node.name == 'Property')
      for (let end = segments.length; end > i && !next; end--) {
        const key = segments.slice(i, end).join('.')
        const property = properties.find((node) => keyOf(state, node) == key)
        if (property) {
          next = property
          range = property
          i = end
        }
      }
      value = next && children(next).find((node) => VALUES.has(node.name))
    } else if (value.name == 'Array') {
      next = children(value).filter((node) => VALUES.has(node.name))[Number(segments[i])]
      if (next) {
        range = next
        i++
      }
      value = next
    } else break
    if (!next) break
  }
  if (!range) return { from: 0, to: Math.min(1, state.doc.length) }
  return { from: range.from, to: range.to }
}
