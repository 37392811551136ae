/**
 * Live updates for the Server-Sent Events streams of this instance. Every event is a row of the
 * `events` table written in the transaction that caused it, followed by `NOTIFY mend_events`; each
 * instance LISTENs, reads the rows after the last one it saw and sends each to the streams allowed
 * to see it. So a client connected to any instance behind a load balancer hears every change, and
 * a client that reconnects with `Last-Event-ID` first gets what it missed.
 */
import type { SSEStreamingApi } from 'hono/streaming';
import { EVENT_CHANNEL, type EventType, type Principal, type Store } from './store.js';

interface Row {
  seq: number;
  tenant: string;
  agent_id: string;
  team: string;
  type: EventType;
  payload: unknown;
}

interface Client {
  who: Principal;
  /** Events up to this seq were sent (or replayed). */
  sent: number;
  /** Live rows that came while the replay was running. */
  queue: Row[] | null;
  send(row: Row): Promise<void>;
}

const visible = (who: Principal, row: Row) =>
  row.tenant === who.tenant && (who.role === 'admin' || row.agent_id === who.agentId || (who.role === 'lead' && row.team === who.team));

export class EventHub {
  #clients = new Set<Client>();
  #seq = 0;
  #pumping: Promise<void> | null = null;
  #again = false;
  #stopListening: (() => Promise<void>) | null = null;
  #closed = false;

  constructor(
    readonly store: Store,
    readonly keepAliveMs = 15_000,
  ) {}

  async start(): Promise<void> {
    this.#seq = await this.store.lastEventSeq();
    this.#stopListening = await this.store.db.listen(EVENT_CHANNEL, () => this.pump());
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#stopListening?.();
  }

  /** Number of open streams on this instance. */
  get size(): number {
    return this.#clients.size;
  }

  /** Read rows after the last seen and send them; coalesces calls that come while it runs. */
  pump(): Promise<void> {
    if (this.#pumping) {
      this.#again = true;
      return this.#pumping;
    }
    this.#pumping = (async () => {
      do {
        this.#again = false;
        try {
          for (;;) {
            const rows = await this.store.db.query<Row>('SELECT seq, tenant, agent_id, team, type, payload FROM events WHERE seq > $1 ORDER BY seq LIMIT 1000', [this.#seq]);
            for (const row of rows) {
              row.seq = Number(row.seq);
              this.#seq = Math.max(this.#seq, row.seq);
              for (const client of this.#clients) {
                if (!visible(client.who, row)) continue;
                if (client.queue) client.queue.push(row);
                else if (row.seq > client.sent) await client.send(row);
              }
            }
            if (rows.length < 1000) break;
          }
        } catch {
          // The database is away: the next NOTIFY (or the reconnect's catch-up) pumps again.
        }
      } while (this.#again && !this.#closed);
      this.#pumping = null;
    })();
    return this.#pumping;
  }

  /** Serve one stream until the client goes away. */
  async stream(who: Principal, after: number | undefined, stream: SSEStreamingApi): Promise<void> {
    const client: Client = {
      who,
      sent: after ?? this.#seq,
      queue: after === undefined ? null : [],
      send: async (row) => {
        client.sent = row.seq;
        await stream.writeSSE({ id: String(row.seq), event: row.type, data: JSON.stringify(row.payload) });
      },
    };
    this.#clients.add(client);
    let stop: () => void = () => {};
    const closed = new Promise<void>((resolve) => (stop = resolve));
    stream.onAbort(() => stop());
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ lastEventId: client.sent }), retry: 1000 } as never);
      if (after !== undefined) {
        // Resume: what this client missed, then the live rows that came meanwhile.
        for (;;) {
          const missed = await this.store.eventsAfter(who, client.sent);
          for (const e of missed) await client.send({ ...e, tenant: who.tenant, agent_id: '', team: '' });
          if (missed.length < 500) break;
        }
        const queued = client.queue ?? [];
        client.queue = null;
        for (const row of queued) if (row.seq > client.sent) await client.send(row);
      }
      const timer = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => stop()), this.keepAliveMs);
      await closed;
      clearInterval(timer);
    } finally {
      this.#clients.delete(client);
    }
  }
}
