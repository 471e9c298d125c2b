import type { AttachmentMeta, HeldInput, HeldRecord } from '@/api/activity'

/** The held-record form as typed: the agenda one topic per line, the time as a local datetime string. */
export interface HeldForm {
  heldAt: string
  place: string
  host: string
  lecturer: string
  agenda: string
  minutes: string
  attachments: AttachmentMeta[]
}

export const HELD_FIELDS = ['held.heldAt', 'held.place', 'held.host', 'held.lecturer', 'held.agenda', 'held.minutes', 'held.attachments']

export function emptyHeld(): HeldForm {
  return { heldAt: '', place: '', host: '', lecturer: '', agenda: '', minutes: '', attachments: [] }
}

export function heldFormOf(r: HeldRecord): HeldForm {
  return {
    heldAt: localIso(r.heldAt), place: r.place, host: r.host, lecturer: r.lecturer ?? '', agenda: r.agenda.join('\n'),
    minutes: r.minutes ?? '', attachments: r.attachments.map((a) => ({ ...a })),
  }
}

export function heldInputOf(f: HeldForm): HeldInput {
  return {
    heldAt: f.heldAt ? new Date(f.heldAt).toISOString() : '', place: f.place, host: f.host,
    lecturer: f.lecturer || null, agenda: f.agenda.split('\n').map((s) => s.trim()).filter(Boolean),
    minutes: f.minutes || null, attachments: f.attachments,
  }
}

/** Is a record of a sitting held at {@code heldAt} late (补录) when entered now, by the default rule of N days? */
export function lateByDefault(heldAt: string, now: number, days = 7): boolean {
  return !!heldAt && now - Date.parse(heldAt) > days * 86_400_000
}

/** An instant as the date picker's value (the browser's offset), e.g. 2026-11-03T15:00:00+08:00. */
export function localIso(instant: string): string {
  const d = new Date(instant)
  const off = -d.getTimezoneOffset()
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:`
    + `${pad(d.getSeconds())}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`
}
