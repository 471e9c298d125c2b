/**
 * The exam countdown runs on the server's clock: the Date header of the response that carried the attempt gives the
 * server's time, and the local monotonic clock only measures what elapsed since, so a wrong device clock changes
 * nothing.
 */
export interface ServerClock {
  now(): number
}

export function serverClock(serverDate: string | null, receivedAt: number, monotonic: () => number): ServerClock {
  const server = serverDate ? Date.parse(serverDate) : NaN
  const base = Number.isNaN(server) ? Date.now() : server
  return { now: () => base + (monotonic() - receivedAt) }
}

/** Milliseconds left until the deadline, never below zero. */
export function remaining(deadline: string, clock: ServerClock): number {
  return Math.max(0, Date.parse(deadline) - clock.now())
}

/** 29:05, or 1:02:03 for an hour or more. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0')
  return `${h > 0 ? h + ':' : ''}${mm}:${String(s).padStart(2, '0')}`
}
