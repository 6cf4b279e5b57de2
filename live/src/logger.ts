// Structured JSON logs (pino). What is logged: events with room, connection id, user id, sizes and
// reasons. What is never logged: tokens, secrets, document content, awareness content.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, service: 'struktur-live' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces: even if a caller passes them, these fields never reach the log.
      redact: { paths: ['token', '*.token', 'secret', '*.secret', 'req.headers.authorization', 'req.url'], censor: '[redacted]' },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
