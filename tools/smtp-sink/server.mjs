// A real SMTP server for the message tests: nodemailer's smtp-server, accepting every message on 127.0.0.1.
// Each accepted message is written to OUT_DIR as <n>.eml and logged as one JSON line in LOG_FILE:
// {"n":1,"messageId":"…","from":"…","to":["…"],"file":"1.eml","at":"…"}.
// DELAY_MS holds the reply to DATA that long, so that a test can kill a sender while its message is in flight; a message
// whose client has gone when the reply is due is not stored, as the sender never learnt that it was accepted.
// Never for production: no TLS, no authentication, anything is accepted.
import { SMTPServer } from 'smtp-server';
import fs from 'node:fs';
import path from 'node:path';

const port = Number(process.env.PORT ?? 2525);
const outDir = process.env.OUT_DIR ?? 'received';
const logFile = process.env.LOG_FILE ?? path.join(outDir, 'deliveries.log');
const delayMs = Number(process.env.DELAY_MS ?? 0);
const rejectTo = (process.env.REJECT_TO ?? '').split(',').filter(Boolean);
fs.mkdirSync(outDir, { recursive: true });

let count = 0;
const closed = new Set();

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, session, callback) {
    if (rejectTo.includes(address.address.toLowerCase())) {
      const error = new Error('No such mailbox');
      error.responseCode = 550;
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      setTimeout(() => {
        if (closed.has(session.id)) {
          process.stderr.write(`abandoned: the client left before the reply (${session.id})\n`);
          return callback(new Error('client gone'));
        }
        const raw = Buffer.concat(chunks);
        const head = raw.toString('utf8').split(/\r?\n\r?\n/, 1)[0];
        const messageId = (/^Message-ID:\s*<([^>\r\n]+)>/im.exec(head) ?? [])[1] ?? null;
        count += 1;
        const file = `${count}.eml`;
        fs.writeFileSync(path.join(outDir, file), raw);
        const line = {
          n: count,
          messageId,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          file,
          at: new Date().toISOString(),
        };
        fs.appendFileSync(logFile, JSON.stringify(line) + '\n');
        callback(null, `Accepted as ${count}`);
      }, delayMs);
    });
  },
  onClose(session) {
    closed.add(session.id);
  },
});

server.on('error', (error) => process.stderr.write(`smtp-sink error: ${error.message}\n`));
server.listen(port, '127.0.0.1', () => process.stdout.write(`smtp-sink listening on 127.0.0.1:${port}\n`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
