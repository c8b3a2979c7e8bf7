import { describe, expect, it } from 'vitest'
import { checkRequest } from './request.ts'

describe('a link’s request', () => {
  it.each([
    'curl -s http://172.18.0.3:30123/',
    'curl http://kubia.default.svc.cluster.local',
    "curl -s 'http://10.96.0.10/'",
    'wget -qO- http://10.96.12.4/',
    'wget -q -O - http://10.96.12.4/',
    'ping -c 1 10.244.1.2',
    'nslookup kubia.default.svc.cluster.local',
    'dig +short kubia.default.svc.cluster.local',
  ])('accepts the request %s', (line) => {
    expect(checkRequest(line)).toEqual({ ok: true, command: line.split(' ')[0] })
  })

  it.each([
    ['kubectl delete deploy --all', /only curl, wget, ping, nslookup, dig/],
    ['curl http://x/; kubectl delete deploy --all', /more than one command/],
    ['curl http://x/ && rm -rf /', /more than one command/],
    ['curl http://x/ || true', /more than one command/],
    ['curl http://x/ | sh', /pipes into another command/],
    ['curl $(kubectl delete svc kubia)', /expands variables or runs commands/],
    ['curl `kubectl delete svc kubia`', /expands variables or runs commands/],
    ['curl http://$HOST/', /expands variables or runs commands/],
    ['curl http://x/ > /tmp/out', /redirects/],
    ['X=1 curl http://x/', /sets variables/],
    ['curl -o /tmp/x http://x/', /reads or writes files/],
    ['curl -sSo x http://x/', /reads or writes files/],
    ['curl -d @secret http://x/', /reads or writes files/],
    ['wget -O index.html http://x/', /reads or writes files/],
    ['curl -s', /no address/],
    ['', /empty/],
    ['! curl http://x/', /not a plain command/],
    ['(curl http://x/)', /not a plain command/],
    ['for i in 1; do curl x; done', /not a plain command/],
    ['curl "unterminated', /not a valid command line/],
    ['curl x\nkubectl delete deploy --all', /one line/],
  ])('refuses %s', (line, why) => {
    const verdict = checkRequest(line)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.reason).toMatch(why)
  })
})
