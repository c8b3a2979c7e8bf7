// luksa/kubia: the Node.js app of "Kubernetes in Action" (github.com/luksa/kubernetes-in-action, Chapter02/
// kubia/app.js and its v2/v3/unhealthy variants). It listens on 8080 and answers every path the same way.
import type { HttpResponse } from './http.ts'
import { httpDate } from './http.ts'
import type { ServerContext } from './server-context.ts'

/** Node.js 7's http module: no Keep-Alive header yet, chunked body because app.js never sets a length. */
function nodeResponse(status: number, body: string, ctx: ServerContext): HttpResponse {
  return { status, headers: [['Date', httpDate(ctx.now)], ['Connection', 'keep-alive'], ['Transfer-Encoding', 'chunked']], body }
}

/**
 * The kubia answer for an image tag: `You've hit <hostname>` (latest, 1.0), `This is v1|v2 running in pod <hostname>`,
 * v3 failing with 500 from its fifth request, and kubia-unhealthy failing from its sixth.
 */
export function kubiaRespond(ctx: ServerContext): HttpResponse {
  const image = ctx.image.replace(/^docker\.io\//, '')
  const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : 'latest'
  const count = ctx.servedBefore + 1
  if (image.includes('kubia-unhealthy')) {
    return count > 5 ? nodeResponse(500, "I'm not well. Please restart me!", ctx) : nodeResponse(200, `You've hit ${ctx.podName}\n`, ctx)
  }
  // Chapter09/kubia-v1/app.js names its version as v2 and v3 do; only latest (Chapter02) says "You've hit".
  if (tag === 'v1' || tag === 'v2') return nodeResponse(200, `This is ${tag} running in pod ${ctx.podName}\n`, ctx)
  if (tag === 'v3') {
    return count >= 5
      ? nodeResponse(500, `Some internal error has occurred! This is pod ${ctx.podName}\n`, ctx)
      : nodeResponse(200, `This is v3 running in pod ${ctx.podName}\n`, ctx)
  }
  return nodeResponse(200, `You've hit ${ctx.podName}\n`, ctx)
}
