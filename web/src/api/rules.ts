import { http } from './http'

/** The versioned rules of a year (docs/rules.md): the same endpoints in org-service, study-service and activity-service. */
export type RuleService = 'org' | 'study' | 'activity'

export interface RuleVersion<V = Record<string, unknown>> {
  id: string
  kind: string
  year: number
  version: number
  inForceSince: string
  author: string
  reason: string
  values: V
}

export interface RuleKindView {
  kind: string
  label: string
  current: RuleVersion
}

export interface PublishVersion {
  values: Record<string, unknown>
  reason: string
  inForceSince?: string | null
}

const BASES: Record<RuleService, string> = { org: '/api/org/rules', study: '/api/study/rules', activity: '/api/compliance/rule-versions' }
const base = (service: RuleService) => BASES[service]

export const rulesApi = {
  kinds: (service: RuleService, year: number) => http.get<RuleKindView[]>(base(service), { year }),
  history: (service: RuleService, kind: string, year: number) =>
    http.get<RuleVersion[]>(`${base(service)}/${kind}/history`, { year }),
  publish: (service: RuleService, kind: string, year: number, body: PublishVersion) =>
    http.post<RuleVersion>(`${base(service)}/${kind}/versions`, body, { year }),
}
