// Recipe quoted in docs/npm.md (test/recipes.node.test.ts keeps the two identical).
import { useStore } from '@nanostores/vue'
import { defineComponent, h } from 'vue'
import { consent } from './consent'

export const AnalyticsStatus = defineComponent({
  setup() {
    const state = useStore(consent.$state)
    return () =>
      h('p', [
        state.value.categories.analytics ? 'Analytics on ' : 'Analytics off ',
        h('button', { onClick: () => consent.acceptAll() }, 'Accept all'),
      ])
  },
})
