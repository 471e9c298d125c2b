/** RFC 9457 problems as the services write them, and their field errors as a form shows them. */
export interface FieldViolation {
  field: string
  reason: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code?: string
  errors?: FieldViolation[]
}

export interface FormErrors {
  /** reason per form field, shown beside the field */
  fields: Record<string, string>
  /** what no field of the form shows: the problem's detail and reasons of fields the form does not have */
  general: string[]
}

/**
 * Maps a problem onto a form's fields. {@code known} are the form's field paths (e.g. held.place); a violation of a
 * list element (entries[2].reason) belongs to the field of the list when the element has no field of its own.
 */
export function toFormErrors(problem: Problem, known: readonly string[]): FormErrors {
  const fields: Record<string, string> = {}
  const general: string[] = []
  for (const v of problem.errors ?? []) {
    const target = known.includes(v.field) ? v.field : known.find((k) => v.field.replace(/\[\d+]/g, '') === k)
      ?? known.find((k) => v.field.startsWith(k + '[') || v.field.startsWith(k + '.'))
    if (target) fields[target] = fields[target] ? `${fields[target]}；${v.reason}` : v.reason
    else general.push(v.reason)
  }
  if (general.length === 0 && Object.keys(fields).length === 0) general.push(problem.detail ?? problem.title ?? '操作未成功')
  return { fields, general }
}
