// docker network inspect -f '{{.IPAM.Config}}' (kind's LoadBalancer docs; Go's %v of the IPAM config list).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

function sh(s: ShellSession, line: string) {
  const [r] = s.runScript(line)
  return { out: r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''), err: r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''), code: r.exitCode }
}

describe('docker network inspect', () => {
  it('prints the kind network\'s IPv4 and IPv6 subnets, minikube\'s one, and fails for a network that does not exist', () => {
    const kind = new ShellSession({ seed: 1 })
    kind.runScript('kind create cluster')
    expect(sh(kind, "docker network inspect -f '{{.IPAM.Config}}' kind")).toEqual({ out: '[{172.18.0.0/16  172.18.0.1 map[]} {fc00:f853:ccd:e793::/64   map[]}]\n', err: '', code: 0 })
    expect(sh(kind, "docker network inspect -f '{{.IPAM.Config}}' minikube")).toEqual({ out: '', err: 'Error: No such network: minikube\n', code: 1 })
    const mk = new ShellSession({ seed: 1 })
    mk.runScript('minikube start')
    expect(sh(mk, "docker network inspect -f '{{.IPAM.Config}}' minikube").out).toBe('[{192.168.49.0/24  192.168.49.1 map[]}]\n')
  })
})
