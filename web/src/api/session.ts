import { http } from './http'
import type { Role } from '@/lib/menu'

/** GET /api/session, answered by the gateway itself (BFF contract). Never holds a token. */
export interface Session {
  username: string
  name: string
  department: string | null
  roles: Role[]
  jurisdiction: 'city' | null
  branches: string[]
  expiresAt: string
}

export const sessionApi = {
  get: () => http.get<Session>('/api/session'),
}
