/**
 * Where the login throttle keeps its failure records, by key. Async so that the records can
 * move into the database when several server processes share one (issue 15); in memory today,
 * which holds for one process.
 */
export interface ThrottleRecord {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
}

export interface ThrottleStore {
  get(key: string): Promise<ThrottleRecord | undefined>;
  /**
   * Replaces the key's record with what `next` makes of the current one, atomically: no other
   * update of that key comes in between (concurrent failures each count). In a database: one
   * transaction that reads the row FOR UPDATE.
   */
  update(key: string, next: (current: ThrottleRecord | undefined) => ThrottleRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Records in a Map in the order of their last failure; the oldest go first once there are too many. */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly records = new Map<string, ThrottleRecord>();

  constructor(private readonly maxRecords = 100_000) {}

  async get(key: string): Promise<ThrottleRecord | undefined> {
    return this.records.get(key);
  }

  async update(key: string, next: (current: ThrottleRecord | undefined) => ThrottleRecord): Promise<void> {
    // Read, compute and write without an await in between: atomic in one process.
    const record = next(this.records.get(key));
    this.records.delete(key);
    this.records.set(key, record);
    for (const oldest of this.records.keys()) {
      if (this.records.size <= this.maxRecords) break;
      this.records.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.records.delete(key);
  }
}
