/**
 * HTTP as an attacker (or a broken client) sends it, byte by byte: any Host header, half-sent
 * requests, bodies that are declared but never sent. Answers are read off the socket.
 */
import { Socket, connect } from 'net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Bytes this client had written when the answer (or the close) came. */
  sentBytes: number;
  /** The server closed the connection. */
  closed: boolean;
}

/**
 * Sends `head` (request line and headers, with the blank line) and then `body` pieces one by one,
 * and resolves with the first answer, or when the server closes the connection without one.
 * `stallAfterHead`: send nothing after the head and wait for the server.
 */
export function rawRequest(port: number, head: string, body: Buffer[] = []): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    let sentBytes = 0;
    let settled = false;
    const finish = (closed: boolean): void => {
      if (settled) {
        return;
      }
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0 && !closed) {
        return;
      }
      settled = true;
      const [statusLine, ...lines] = (end < 0 ? text : text.slice(0, end)).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) {
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
      }
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
      resolve({ status, headers, body: end < 0 ? '' : text.slice(end + 4), sentBytes, closed });
      socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // Give the body a moment to arrive with the head.
      setTimeout(() => finish(false), 50);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (err) => (settled ? undefined : reject(err)));
    socket.on('connect', () => {
      socket.write(head, 'latin1');
      sentBytes += Buffer.byteLength(head, 'latin1');
      for (const piece of body) {
        socket.write(piece);
        sentBytes += piece.length;
      }
    });
  });
}

/** A request head: request line, Host and other headers, blank line. */
export function head(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}
