import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

/** Short confirmations and refusals (services are not resolved by the component resolver, so imported here once). */
export const notify = {
  success: (message: string) => ElMessage({ message, type: 'success', grouping: true }),
  error: (message: string) => ElMessage({ message, type: 'error', grouping: true, duration: 6000 }),
}
