/**
 * A proxy on 127.0.0.1 that forwards nothing: every request a browser sends to it (plain HTTP with an absolute
 * URL, or `CONNECT host:port` for HTTPS and WebSocket) is recorded and refused. The browsers are launched with
 * it as their proxy for every host but 127.0.0.1, so it sees whatever tried to leave the machine from any of
 * their contexts, pages or not: the background, the offscreen document, content scripts, extension pages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserName } from './types';

export interface LoggingProxy {
  port: number;
  /** What reached the proxy, in order: `GET http://host/path` or `CONNECT host:443`. */
  log(): string[];
  close(): Promise<void>;
}

export async function startLoggingProxy(): Promise<LoggingProxy> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(403, { connection: 'close' }).end();
  });
  server.on('connect', (req, socket) => {
    log.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    log: () => [...log],
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The browsers' own service requests, which they make whatever the extension does: Chromium's sign-in,
 * autofill and update checks (`accounts.google.com`, `*.googleapis.com`) and its device check-in
 * (`android.clients.google.com`), Firefox's remote-settings sync (`firefox.settings.services.mozilla.com`:
 * blocklists, certificate data) and its captive-portal check (`http://detectportal.firefox.com/`, seen once in
 * a run of the hostile suite). They reach the proxy as CONNECTs (or plain GETs) to those hosts and are counted
 * apart; the extension cannot be behind them: its pages and worker can reach nothing
 * (`privacy.shared.ts` proves it), and in Chromium the tabs' requests, content scripts included, go through the harness's
 * routes instead. Any other host fails the test.
 */
export const BROWSER_SERVICES: Record<BrowserName, RegExp> = {
  chromium:
    /^proxy: (?:CONNECT |[A-Z]+ https?:\/\/)(?:accounts\.google\.com|[\w.-]+\.googleapis\.com|[\w.-]+\.gvt1\.com|(?:android\.)?clients\d*\.google\.com)[:/]/,
  firefox:
    /^proxy: (?:CONNECT firefox\.settings\.services\.mozilla\.com:443|GET http:\/\/detectportal\.firefox\.com\/[\w./-]*)$/,
};

/** `blockedRequests()` without the browser's own service requests: what the extension could be behind. */
export function withoutBrowserServices(name: BrowserName, requests: readonly string[]): string[] {
  return requests.filter((r) => !BROWSER_SERVICES[name].test(r));
}
