// Recipe quoted in docs/npm.md (test/recipes.node.test.ts keeps the two identical).
import { useStore } from '@nanostores/vue'
import { computed, inject, type App, type InjectionKey } from 'vue'
import type { ConsentState } from '../../../src/index'
import { consent } from './consent'

const serverConsent: InjectionKey<ConsentState> = Symbol('consentry')

/** On the server, before renderToString: the state that readConsent read from the request. */
export const provideServerConsent = (app: App, state: ConsentState) => {
  app.provide(serverConsent, state)
}

/** The visitor's consent: on the server the request's state, in the browser the live $state. */
export const useConsent = () => {
  const server = inject(serverConsent, undefined)
  return server ? computed(() => server) : useStore(consent.$state)
}
