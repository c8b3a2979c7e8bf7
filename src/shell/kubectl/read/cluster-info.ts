// `kubectl cluster-info`: the control plane URL and every kube-system Service labelled as a cluster service.
// Source: kubectl/pkg/cmd/clusterinfo/clusterinfo.go.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags } from '../flags.ts'
import { apiServerURL } from './kubeconfig.ts'

export const clusterInfo: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, GLOBAL_FLAGS)
  if (flags.positional[0] === 'dump') {
    ctx.io.err('error: kubehop does not simulate `kubectl cluster-info dump`\n')
    return 1
  }
  const server = apiServerURL(ctx.cluster)
  let out = `Kubernetes control plane is running at ${server}\n`
  for (const svc of ctx.cluster.store.list('Service', 'kube-system')) {
    if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name
    const port = svc.spec?.ports?.[0]?.name
    out += `${name} is running at ${server}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${port ? ':' + port : ''}/proxy\n`
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
  ctx.io.out(out)
  return 0
}
