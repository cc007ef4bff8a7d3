import http from 'node:http';
import https from 'node:https';
import type { FastifyServerFactory } from 'fastify';

/** The certificate and key the server serves HTTPS with (PEM). */
export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

/**
 * The Node server under Fastify: HTTPS when given a certificate and key, else plain HTTP (for
 * loopback, or behind a reverse proxy that terminates TLS). Either way a request must arrive
 * whole within `requestTimeoutMs`: a client that sends headers or half a body and then nothing
 * gets 408 and its socket closed, so it cannot hold connections and memory open. Node checks
 * this every `connectionsCheckingInterval`, which is therefore kept well under the timeout.
 */
export function nodeServerFactory(options: { tls?: TlsFiles; requestTimeoutMs: number }): FastifyServerFactory {
  const timeouts: http.ServerOptions = {
    requestTimeout: options.requestTimeoutMs,
    headersTimeout: Math.min(60_000, options.requestTimeoutMs),
    connectionsCheckingInterval: Math.min(30_000, Math.max(25, Math.floor(options.requestTimeoutMs / 4))),
  };
  return (handler) => {
    if (!options.tls) return http.createServer(timeouts, handler);
    const server = https.createServer(
      { ...timeouts, cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' },
      handler,
    );
    // Fastify's types name http.Server; an https.Server is one for everything Fastify does with it.
    return server as unknown as http.Server;
  };
}
