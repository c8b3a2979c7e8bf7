// kubectl's reading verbs: get, describe, and the small informational ones.
import type { KubectlSubcommand } from './context.ts'
import { get } from './get.ts'
import { describe } from './describe.ts'
import { version } from './read/version.ts'
import { clusterInfo } from './read/cluster-info.ts'
import { apiResources } from './read/api-resources.ts'
import { config } from './read/config.ts'
import { logs } from './read/logs.ts'
import { explain } from './explain/explain.ts'

export const READ_COMMANDS: Record<string, KubectlSubcommand> = {
  get,
  describe,
  version,
  'cluster-info': clusterInfo,
  'api-resources': apiResources,
  config,
  logs,
  explain,
}
