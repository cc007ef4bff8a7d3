import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next request that matches. */
export type Fault =
  /** The request never reaches the server; the client sees the connection drop. */
  | 'drop-request'
  /** The server handles the request (and commits); the client sees the connection drop. */
  | 'drop-response'
  /** The server handles the request, then the client gets a 500 instead of the answer. */
  | 'error-500-after-commit'
  /** The request reaches the server twice; the client gets the first answer. */
  | 'duplicate'
  /** The request is held back for `ms`, so later requests overtake it. */
  | { delayMs: number };

interface Rule {
  match: (method: string, path: string) => boolean;
  fault: Fault;
  times: number;
}

/**
 * A loopback HTTP proxy in front of the real server that injects network faults into chosen
 * requests, to show that retries never double anything and that nothing is lost.
 */
export class FaultProxy {
  private readonly rules: Rule[] = [];
  private server!: http.Server;
  readonly log: string[] = [];
  url = '';

  constructor(private readonly target: () => string) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Applies `fault` to the next `times` requests whose method and path match. */
  inject(method: string, pathPrefix: string, fault: Fault, times = 1): void {
    this.rules.push({ match: (m, p) => m === method && p.startsWith(pathPrefix), fault, times });
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const rule = this.rules.find((r) => r.times > 0 && r.match(method, path));
    if (!rule) return undefined;
    rule.times--;
    return rule.fault;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = this.takeFault(method, path);
    this.log.push(
      `${method} ${path}${fault ? ` [${typeof fault === 'string' ? fault : `delay ${fault.delayMs}`}]` : ''}`,
    );
    if (fault === 'drop-request') return void req.socket.destroy();
    if (typeof fault === 'object') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    const forward = () =>
      fetch(new URL(path, this.target()), {
        method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
        ) as Record<string, string>,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      });
    const response = await forward();
    const answer = Buffer.from(await response.arrayBuffer());
    if (fault === 'duplicate') await (await forward()).arrayBuffer();
    if (fault === 'drop-response') return void req.socket.destroy();
    if (fault === 'error-500-after-commit') {
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'internal', message: '模拟的服务器错误' }));
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!['content-encoding', 'transfer-encoding', 'connection', 'content-length'].includes(key))
        headers[key] = value;
    });
    res.writeHead(response.status, headers);
    res.end(method === 'HEAD' ? undefined : answer);
  }
}
