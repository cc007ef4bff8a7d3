import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PushResult } from '../../shared/sync/protocol';
import type { PoolStats } from '../db/store';

/**
 * The server's Prometheus metrics (served by GET /metrics, see metrics-routes.ts). One registry
 * per server instance, not prom-client's global one, so that several servers in one process
 * (the tests) count separately. Names follow Prometheus conventions: `_total` for counters,
 * base units (seconds, bytes).
 */
export class ServerMetrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'fieldbook_http_requests_total',
    help: 'HTTP requests answered, by route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: 'fieldbook_http_request_duration_seconds',
    help: 'Time from the request arriving to the reply sent, by route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    // A pull or a small push is a few ms; a push of 500 changes or a blob chunk over a slow link takes seconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly changesPushed = new Counter({
    name: 'fieldbook_changes_pushed_total',
    help: 'Changes received in pushes, by outcome (applied, duplicate, rejected)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly changesRejected = new Counter({
    name: 'fieldbook_changes_rejected_total',
    help: 'Pushed changes the server refused, by reason code (invalid, forbidden, clock_ahead, project_mismatch)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly changesPulled = new Counter({
    name: 'fieldbook_changes_pulled_total',
    help: 'Changes handed out by pulls',
    registers: [this.registry],
  });

  readonly conflicts = new Counter({
    name: 'fieldbook_conflicts_recorded_total',
    help: 'Concurrent field writes recorded as conflicts while applying pushes',
    registers: [this.registry],
  });

  readonly blobBytesReceived = new Counter({
    name: 'fieldbook_blob_bytes_received_total',
    help: 'Attachment bytes received in accepted upload chunks',
    registers: [this.registry],
  });

  readonly blobBytesServed = new Counter({
    name: 'fieldbook_blob_bytes_served_total',
    help: 'Attachment bytes sent in downloads',
    registers: [this.registry],
  });

  constructor(pool?: () => PoolStats | undefined) {
    collectDefaultMetrics({ register: this.registry, prefix: 'fieldbook_' });
    if (!pool) return;
    const gauge = (name: string, help: string, pick: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const stats = pool();
          if (stats) this.set(pick(stats));
        },
      });
    gauge('fieldbook_db_pool_connections', 'PostgreSQL pool: connections open (busy and idle)', (s) => s.total);
    gauge('fieldbook_db_pool_idle_connections', 'PostgreSQL pool: open connections not in use', (s) => s.idle);
    gauge(
      'fieldbook_db_pool_waiting_requests',
      'PostgreSQL pool: queries waiting for a connection (above 0 for long: the pool or the database is the bottleneck)',
      (s) => s.waiting,
    );
    gauge('fieldbook_db_pool_max_connections', 'PostgreSQL pool: its size limit', (s) => s.max);
  }

  /** One answered push: what became of each change. */
  recordPush(results: readonly PushResult[], conflicts: number): void {
    for (const result of results) {
      this.changesPushed.inc({ outcome: result.status });
      if (result.status === 'rejected') this.changesRejected.inc({ reason: result.code });
    }
    if (conflicts > 0) this.conflicts.inc(conflicts);
  }

  recordPull(changes: number): void {
    if (changes > 0) this.changesPulled.inc(changes);
  }

  /** Prometheus text exposition of every metric. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
