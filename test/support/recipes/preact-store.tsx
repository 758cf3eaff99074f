// Recipe quoted in docs/npm.md (test/recipes.node.test.ts keeps the two identical).
import { useStore } from '@nanostores/preact'
import { consent } from './consent'

export function AnalyticsStatus() {
  const { categories } = useStore(consent.$state)
  return (
    <p>
      {categories.analytics ? 'Analytics on ' : 'Analytics off '}
      <button type="button" onClick={() => consent.acceptAll()}>
        Accept all
      </button>
    </p>
  )
}
