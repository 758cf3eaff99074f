export {
  createConsentServer,
  type ConsentServer,
  type ConsentServerOptions,
  type ReceiptLimits,
  type RequestLogEntry,
} from './app'
export { migrate, openDatabase, type Database, type Query } from './database'
export { serve } from './node'
export { receiptSchema, type ReceivedReceipt } from './receipt-schema'
export { pruneReceipts, type LatestDecision, type StoredReceipt } from './store'
export { signRecipientToken, verifyRecipientToken, type RecipientToken } from './tokens'
