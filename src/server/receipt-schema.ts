import type { Receipt } from '../core/types'

export const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
// No NUL character: PostgreSQL's text cannot hold one.
export const TEXT = '^[^\\u0000]*$'

/** The JSON Schema (draft 7) of a consent receipt, as the browser side sends it. */
export const receiptSchema: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Consentry consent receipt',
  type: 'object',
  additionalProperties: false,
  required: [
    'receiptId',
    'consentId',
    'revision',
    'categories',
    'services',
    'source',
    'gpc',
    'locale',
    'url',
    'timestamp',
  ],
  properties: {
    receiptId: { type: 'string', pattern: UUID },
    consentId: { type: 'string', pattern: UUID },
    subject: { type: 'string', maxLength: 1024, pattern: TEXT },
    revision: { type: 'integer', minimum: 1, maximum: 2147483647 },
    categories: {
      type: 'object',
      maxProperties: 100,
      propertyNames: { pattern: '^[a-z][a-z0-9-]{0,63}$' },
      additionalProperties: { type: 'boolean' },
    },
    services: {
      type: 'object',
      maxProperties: 1000,
      propertyNames: { pattern: '^[a-z][a-z0-9-]{0,63}\\.[a-z][a-z0-9-]{0,63}$' },
      additionalProperties: { type: 'boolean' },
    },
    source: { enum: ['banner', 'preferences', 'api', 'email-link', 'placeholder'] },
    gpc: { type: 'boolean' },
    locale: { type: 'string', maxLength: 35, pattern: TEXT },
    url: { type: 'string', maxLength: 2048, pattern: TEXT },
    // Years 1970 to 9999: PostgreSQL's range, with room for a wrong clock but not for nonsense.
    // A real calendar date (the date-time format); no leap second, which JavaScript's Date cannot hold.
    timestamp: {
      type: 'string',
      format: 'date-time',
      pattern:
        '^(19[7-9]\\d|[2-9]\\d{3})-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
    },
  },
} as const

/** A receipt that passed {@link receiptSchema}: what the browser side sends. */
export type ReceivedReceipt = Receipt
