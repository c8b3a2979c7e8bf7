// helm's repositories.yaml ($HELM_REPOSITORY_CONFIG, ~/.config/helm/repositories.yaml on Linux): the repositories
// `helm repo add` recorded, kept among the host's files so `cat` shows what helm wrote. Upstream: pkg/repo/repo.go (File).
import type { ShellHost } from '../command.ts'

const REPO_FILE = '/root/.config/helm/repositories.yaml'

export interface RepoEntry { name: string; url: string }

export function readRepos(host: ShellHost): RepoEntry[] {
  const text = host.hostFiles.get(REPO_FILE) ?? ''
  const out: RepoEntry[] = []
  for (const m of text.matchAll(/- caFile: ""[\s\S]*?name: (\S+)\n[\s\S]*?url: (\S+)\n/g)) out.push({ name: m[1], url: m[2] })
  return out
}

export function writeRepos(host: ShellHost, repos: RepoEntry[], generated: string): void {
  const entries = repos.map((r) => `- caFile: ""\n  certFile: ""\n  insecure_skip_tls_verify: false\n  keyFile: ""\n  name: ${r.name}\n  pass_credentials_all: false\n  password: ""\n  url: ${r.url}\n  username: ""\n`).join('')
  host.hostFiles.set(REPO_FILE, `apiVersion: ""\ngenerated: "${generated}"\nrepositories:\n${entries}`)
}
