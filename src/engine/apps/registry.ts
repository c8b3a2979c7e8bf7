// Which simulated application an image runs, the ports it listens on, and its answer to a request.
// Contract: docs/cli-contract.md "Simulated applications".
import type { HttpRequest, HttpResponse } from './http.ts'
import { byteLength, httpDate } from './http.ts'
import type { ServerContext } from './server-context.ts'
import { kubiaRespond } from './kubia.ts'
import { echoserverRespond } from './echoserver.ts'
import { loadNginxConfig, nginxListenPorts, nginxRespond } from './nginx.ts'
import { nginxImageFiles } from './nginx-stock.ts'
import type { AppKind } from '../images/types.ts'
import { imageFamily } from '../images/index.ts'
import { runsImageServer } from '../images/process.ts'
import { influxdbRespond } from './influxdb.ts'
import { agnhostPorts, agnhostRespond } from './agnhost.ts'

export type { AppKind }

/** The application an image runs, from the catalog (src/engine/images/); `generic` for images it does not describe. */
export function appKind(image: string): AppKind {
  return imageFamily(image)?.app ?? 'generic'
}

export interface ContainerInfo {
  name: string
  image: string
  args?: string[]
  command?: string[]
  /** hostPort: the CNI portmap plugin publishes the port on the node. */
  ports?: { containerPort: number; protocol?: string; hostPort?: number }[]
}

/** The container's files for apps that read configuration (nginx), before mounts. */
export function imageFiles(image: string): Map<string, string> {
  return appKind(image) === 'nginx' ? nginxImageFiles() : new Map()
}

function argValue(c: ContainerInfo, flag: string): string | undefined {
  for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1)
  }
  return undefined
}

/**
 * TCP ports the container's process binds, from the catalog: the image's server where it runs (nginx follows its
 * mounted configuration, http-echo and whoami their flags), whatever the pod declares (containerPort is informational,
 * so a wrong containerPort/targetPort is refused as in a real cluster). A command that replaces the server, and an
 * image kubehop does not know, bind nothing.
 */
export function listenPorts(c: ContainerInfo, files: ReadonlyMap<string, string>): number[] {
  const family = imageFamily(c.image)
  if (!family || !runsImageServer(c)) return []
  if (family.ports === 'config') return nginxListenPorts(loadNginxConfig(files))
  if (family.app === 'http-echo') {
    const listen = argValue(c, '-listen') ?? argValue(c, '--listen')
    return [Number(listen?.replace(/^.*:/, '') ?? family.ports[0])]
  }
  if (family.app === 'agnhost') return agnhostPorts(c)
  if (family.app === 'whoami') {
    const port = argValue(c, '--port') ?? argValue(c, '-port')
    return [Number(port ?? family.ports[0])]
  }
  return [...family.ports]
}

function plain(status: number, body: string, ctx: ServerContext, extra: [string, string][] = []): HttpResponse {
  return { status, headers: [['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/plain; charset=utf-8'], ...extra], body }
}

/** The application's HTTP answer. */
export function respond(c: ContainerInfo, files: ReadonlyMap<string, string>, req: HttpRequest, ctx: ServerContext): HttpResponse {
  switch (appKind(c.image)) {
    case 'kubia': return kubiaRespond(ctx)
    case 'influxdb': case 'demo-coffee': return influxdbRespond(appKind(c.image), req, ctx)
    case 'echoserver': return echoserverRespond(req, ctx)
    case 'agnhost': return agnhostRespond(c, req, ctx)
    case 'nginx': return nginxRespond(loadNginxConfig(files), files, req, ctx)
    case 'http-echo': {
      const text = argValue(c, '-text') ?? argValue(c, '--text') ?? 'hello-world'
      return { status: 200, headers: [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0'], ['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(text + '\n'))], ['Content-Type', 'text/plain; charset=utf-8']], body: text + '\n' }
    }
    case 'hello-app': {
      const version = c.image.endsWith(':2.0') ? '2.0.0' : '1.0.0'
      return plain(200, `Hello, world!\nVersion: ${version}\nHostname: ${ctx.podName}\n`, ctx)
    }
    case 'whoami': {
      const lines = [`Hostname: ${ctx.podName}`, 'IP: 127.0.0.1', `IP: ${ctx.localIP}`, `RemoteAddr: ${ctx.remoteIP}:${ctx.remotePort}`,
        `${req.method} ${req.path} HTTP/1.1`, ...req.headers.map(([n, v]) => `${n}: ${v}`), '', '']
      return plain(200, lines.join('\r\n'), ctx)
    }
    default:
      return plain(200, `Hello from ${ctx.podName} (${ctx.localIP}). Your address as this pod sees it: ${ctx.remoteIP}\n`, ctx)
  }
}
