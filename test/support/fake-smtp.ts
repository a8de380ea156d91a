import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent: headers, a blank line, the body. */
  data: string;
}

/**
 * A minimal SMTP server on a free loopback port, enough for nodemailer over plain smtp:// (no TLS, no
 * authentication). It keeps what it receives, and refuses the recipients it is told to (550).
 */
export class FakeSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Every RCPT TO, refused or not, in order. */
  readonly recipients: string[] = [];
  private readonly refused = new Set<string>();
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {}

  static async start(): Promise<FakeSmtpServer> {
    const server = net.createServer();
    const smtp = new FakeSmtpServer(server);
    server.on('connection', (socket) => smtp.session(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return smtp;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  refuse(address: string): void {
    this.refused.add(address.toLowerCase());
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private session(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let mail: ReceivedMail | null = null;
    let data: string[] | null = null;
    reply('220 fake.smtp ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            this.received.push({ ...mail!, data: data.join('\r\n') });
            data = null;
            mail = null;
            reply('250 2.0.0 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') {
          reply('250 fake.smtp');
        } else if (command === 'MAIL') {
          mail = { from: address(line), to: [], data: '' };
          reply('250 2.1.0 ok');
        } else if (command === 'RCPT') {
          const to = address(line);
          this.recipients.push(to);
          if (this.refused.has(to.toLowerCase())) {
            reply('550 5.1.1 no such mailbox here');
          } else {
            mail?.to.push(to);
            reply('250 2.1.5 ok');
          }
        } else if (command === 'DATA') {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (command === 'RSET') {
          mail = null;
          reply('250 2.0.0 ok');
        } else if (command === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else {
          reply('250 ok');
        }
      }
    });
  }
}

function address(line: string): string {
  return /<([^>]*)>/.exec(line)?.[1] ?? '';
}
