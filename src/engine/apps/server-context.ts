// What an application knows when it answers: its pod, its own address, and the peer address the kernel gave it.

export interface ServerContext {
  /** The pod's name, which is the container's hostname (`os.hostname()`, nginx's `$hostname`). */
  podName: string
  namespace: string
  image: string
  /** The address the connection arrived on (nginx `$server_addr`, `$server_port`). */
  localIP: string
  localPort: number
  /** The peer as the pod sees it, after any SNAT (nginx `$remote_addr`). */
  remoteIP: string
  remotePort: number
  now: number
  /** Files mounted into the container (ConfigMap volumes), by absolute path. */
  files: ReadonlyMap<string, string>
  /** How many requests this container has served before this one (kubia-unhealthy counts). */
  servedBefore: number
}
