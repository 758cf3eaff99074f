import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

/** Which limit refused a receipt. */
export type LimitName = 'address' | 'consent_id'

/** The server's metrics, in a registry of its own (never prom-client's global one). */
export const createMetrics = () => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'consentry_http_requests_total',
    help: 'Requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'consentry_http_request_duration_seconds',
    help: 'Time from arrival to answer, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const stored = new Counter({
    name: 'consentry_receipts_stored_total',
    help: 'Receipts stored.',
    registers: [registry],
  })
  const duplicates = new Counter({
    name: 'consentry_receipts_duplicate_total',
    help: 'Receipts received again after they were stored (retries whose answer was lost).',
    registers: [registry],
  })
  const limited = new Counter({
    name: 'consentry_receipts_rate_limited_total',
    help: 'Receipts answered 429, by the limit that refused them.',
    labelNames: ['limit'] as const,
    registers: [registry],
  })
  return {
    /** One answered request: its route pattern (never its path), status and seconds taken. */
    request(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) })
      duration.observe({ method, route }, seconds)
    },
    receipt(outcome: 'stored' | 'duplicate') {
      if (outcome == 'stored') stored.inc()
      else duplicates.inc()
    },
    limited(limit: LimitName) {
      limited.inc({ limit })
    },
    /** The Prometheus text exposition of every metric. */
    text: () => registry.metrics(),
    type: registry.contentType,
  }
}
