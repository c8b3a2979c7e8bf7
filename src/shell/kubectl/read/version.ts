// `kubectl version`: the client is kubectl v1.32.2 (with its bundled kustomize), the server the cluster's version.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import { toJson } from '../print/json.ts'
import { toYaml } from '../print/yaml.ts'

const KUBECTL_VERSION = 'v1.32.2'
const KUSTOMIZE_VERSION = 'v5.5.0'
/** What `kubectl version` prints before it asks the server. */
export const CLIENT_VERSION_TEXT = `Client Version: ${KUBECTL_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`

export const version: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }])
  const clientOnly = bool(flags, 'client')
  const output = str(flags, 'output')
  const server = clientOnly ? undefined : ctx.host.cluster?.profile.kubernetesVersion
  if (output === 'json' || output === 'yaml') {
    const info: Record<string, unknown> = {
      clientVersion: { major: '1', minor: '32', gitVersion: KUBECTL_VERSION, gitTreeState: 'clean', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64' },
      kustomizeVersion: KUSTOMIZE_VERSION,
    }
    if (server) info.serverVersion = { major: '1', minor: server.replace(/^v1\.(\d+).*$/, '$1'), gitVersion: server, gitTreeState: 'clean', compiler: 'gc', platform: 'linux/amd64' }
    ctx.io.out(output === 'json' ? toJson(info, '  ') : toYaml(info))
  } else if (output) {
    ctx.io.err(`error: --output must be 'yaml' or 'json'\n`)
    return 1
  } else {
    ctx.io.out(CLIENT_VERSION_TEXT)
    if (server) ctx.io.out(`Server Version: ${server}\n`)
  }
  if (!clientOnly && !ctx.host.cluster) {
    ctx.io.err('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n')
    return 1
  }
  return 0
}
