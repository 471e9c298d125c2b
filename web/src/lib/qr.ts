/**
 * The link a sitting's QR code holds: the member's check-in page of that sitting on this platform. A phone that scans
 * it opens the page (through sign-in if needed, which returns to it) and checks in with one tap.
 */
export function checkInLink(origin: string, activityId: string): string {
  const base = origin.replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]+$/.test(base)) throw new Error(`not an origin: ${origin}`)
  return `${base}/member/checkin/${encodeURIComponent(activityId)}`
}
