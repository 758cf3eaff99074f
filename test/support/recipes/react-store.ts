// Recipe quoted in docs/npm.md (test/recipes.node.test.ts keeps the two identical).
import { useStore } from '@nanostores/react'
import { createElement } from 'react'
import { consent } from './consent'

export function AnalyticsStatus() {
  const { categories } = useStore(consent.$state)
  return createElement(
    'p',
    null,
    categories.analytics ? 'Analytics on ' : 'Analytics off ',
    createElement('button', { type: 'button', onClick: () => consent.acceptAll() }, 'Accept all'),
  )
}
