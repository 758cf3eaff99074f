import type { Gate, ReceiptsOptions } from '../core/types'
import { receiptsWith } from './receipts-gate'

export type { ReceiptsOptions }
export type { Receipt } from './outbox'

/**
 * Gate that POSTs a receipt of every decision to `endpoint`, keeping each in a localStorage
 * outbox until a 2xx answer arrives: it is sent again on the next page load, when the browser
 * comes back online, and with capped exponential backoff (the endpoint de-duplicates by
 * receiptId). At start it removes the subject parameter from the address bar. Start it first.
 * The sending part is a separate chunk, loaded once there is a receipt to send.
 */
export const receipts = (options: ReceiptsOptions): Gate => receiptsWith(options, () => import('./receipts-sender'))
