// Recipe quoted in docs/npm.md (test/recipes.node.test.ts keeps the two identical).
'use client'
import { useStore } from '@nanostores/react'
import { createContext, createElement, useContext, type ReactNode } from 'react'
import type { ConsentState } from '../../../src/index'
import { consent } from './consent'

const ServerConsent = createContext<ConsentState | undefined>(undefined)

/** Around the app: the state that readConsent read from the request, for the first render. */
export function ConsentProvider({ initial, children }: { initial: ConsentState; children?: ReactNode }) {
  return createElement(ServerConsent.Provider, { value: initial }, children)
}

/** The visitor's consent: the server's state on the server and while hydrating, then the live $state. */
export function useConsent(): ConsentState {
  const initial = useContext(ServerConsent)
  return useStore(consent.$state, { ssr: initial ? () => initial : false })
}

/** Whether a category (`analytics`) or a service (`analytics.ga`) is granted in a state. */
const isGrantedIn = (state: ConsentState, name: string) =>
  (name.includes('.') ? state.services[name] : state.categories[name]) === true

/** `children` once the category or service is granted, `fallback` until then. */
export function ConsentGate({
  service,
  fallback = null,
  children,
}: {
  service: string
  fallback?: ReactNode
  children?: ReactNode
}) {
  return isGrantedIn(useConsent(), service) ? children : fallback
}
