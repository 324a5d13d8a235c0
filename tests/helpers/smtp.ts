import type { AddressInfo } from 'node:net'

import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { envelopeTo: string[]; parsed: ParsedMail; raw: string }

/**
 * A real SMTP server on 127.0.0.1 (nodemailer's `smtp-server`) that keeps every message it
 * accepts, parsed with `mailparser`. `stop()` takes it down (connections are then refused) and
 * `start()` brings it back on the same port, to exercise the queue's retries. It closes itself
 * after `lifetimeMs` at the latest.
 */
export const startSmtpServer = async ({ lifetimeMs = 10 * 60 * 1000 } = {}) => {
  const received: ReceivedMail[] = []
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            parsed: await simpleParser(raw),
            raw,
          })
          callback()
        })
      },
    })
  let server = make()
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  await listen(0)
  const port = (server.server.address() as AddressInfo).port
  let running = true
  const stop = () =>
    running ? new Promise<void>((resolve) => server.close(() => ((running = false), resolve()))) : Promise.resolve()
  const timer = setTimeout(() => void stop(), lifetimeMs)
  timer.unref()
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mails sent to `address` so far. */
    to: (address: string) => received.filter((m) => m.envelopeTo.includes(address)),
    stop,
    start: async () => {
      if (running) return
      server = make()
      await listen(port)
      running = true
    },
    close: async () => {
      clearTimeout(timer)
      await stop()
    },
  }
}
