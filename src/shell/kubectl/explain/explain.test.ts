// kubectl explain against v1.32's explain v2 template (kubectl/pkg/explain/v2/templates/plaintext.tmpl).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'
import { explainWrap } from './word-wrap.ts'

function run(session: ShellSession, command: string) {
  const [record] = session.runScript(command)
  const text = (stream: string) => record.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: record.exitCode }
}

describe('kubectl explain', () => {
  const s = new ShellSession({ seed: 1 })

  it('explains the field the book checks: a Service\'s session affinity, with its enum', () => {
    expect(run(s, 'kubectl explain service.spec.sessionAffinity')).toEqual({
      out: 'KIND:       Service\nVERSION:    v1\n\n' +
        'FIELD: sessionAffinity <string>\nENUM:\n    ClientIP\n    None\n\n' +
        'DESCRIPTION:\n' +
        '    Supports "ClientIP" and "None". Used to maintain session affinity. Enable\n' +
        '    client IP based session affinity. Must be ClientIP or None. Defaults to\n' +
        '    None. More info:\n' +
        '    https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies\n\n',
      err: '', code: 0,
    })
  })

  it('leaves two blank lines after a FIELD without enum, and names the group of a grouped kind', () => {
    const { out } = run(s, 'kubectl explain deployments.apps.spec.replicas')
    expect(out.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n')).toBe(true)
  })

  it('lists fields with their type, -required- and a short enum line', () => {
    const { out } = run(s, 'kubectl explain svc.spec.ports')
    expect(out).toContain('FIELD: ports <[]ServicePort>\n\n\n')
    expect(out).toContain('FIELDS:\n  appProtocol\t<string>\n')
    expect(out).toContain('\n  port\t<integer> -required-\n    The port that will be exposed by this service.\n\n')
    expect(out).toContain('\n  protocol\t<string>\n  enum: SCTP, TCP, UDP\n')
    expect(out).toContain('\n  targetPort\t<string>\n')
  })

  it('appends the referred type\'s doc to a field\'s, as the server\'s allOf does (IntOrString, ServiceSpec)', () => {
    expect(run(s, 'kubectl explain svc.spec.ports.targetPort').out).toContain('\n    https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-serviceIntOrString\n    is a type that can hold an int32 or a string.')
    expect(run(s, 'kubectl explain svc.spec').out).toContain('FIELD: spec <ServiceSpec>\n\n\nDESCRIPTION:\n    Spec defines the behavior of a service.\n')
  })

  it('shows status, which manifests may not set, and every field under --recursive', () => {
    const { out } = run(s, 'kubectl explain pods --recursive')
    expect(out).toContain('\n  status\t<PodStatus>\n    conditions\t<[]PodCondition>\n      lastProbeTime\t<string>\n')
    expect(out).toContain('\n    restartPolicy\t<string>\n    enum: Always, Never, OnFailure\n')
    expect(out).not.toContain('    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n  ')
  })

  it('fails as kubectl does: unknown field after KIND, unknown type, wrong group/version, no argument', () => {
    expect(run(s, 'kubectl explain svc.spec.foo')).toEqual({ out: 'KIND:       Service\nVERSION:    v1\n\n', err: 'error: field "foo" does not exist\n', code: 1 })
    expect(run(s, 'kubectl explain foos')).toEqual({ out: '', err: 'error: the server doesn\'t have a resource type "foos"\n', code: 1 })
    expect(run(s, 'kubectl explain pods --api-version=apps/v1').err).toBe('error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n')
    expect(run(s, 'kubectl explain deploy --api-version=apps/v2').err).toBe('error: couldn\'t find resource for "apps/v2, Resource=deployments"\n')
    expect(run(s, 'kubectl explain').err).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')
    expect(run(s, 'kubectl explain pods svc').err).toBe('error: We accept only this format: explain RESOURCE\n')
  })
})

describe('explain\'s word wrap (go-wordwrap, line breaks dropped first)', () => {
  it('breaks at spaces, keeps a long URL whole on its own line', () => {
    expect(explainWrap(20, 'aaaa bbbb cccc dddd eeee')).toBe('aaaa bbbb cccc dddd\neeee')
    expect(explainWrap(20, 'More info: https://example.com/a/very/long/path')).toBe('More info:\nhttps://example.com/a/very/long/path')
    expect(explainWrap(76, 'one.\ntwo')).toBe('one.two')
  })
})
