// helm's help texts, shortened to the commands kubehop's helm runs, in cobra's layout (Usage, Aliases, Flags,
// Global Flags). Upstream: helm/helm pkg/cmd/root.go (globalUsage), install.go, list.go, repo*.go, uninstall.go.

const GLOBAL = `Global Flags:
      --debug                       enable verbose output
      --kube-context string         name of the kubeconfig context to use
      --kubeconfig string           path to the kubeconfig file
  -n, --namespace string            namespace scope for this request
      --repository-config string    path to the file containing repository names and URLs (default "~/.config/helm/repositories.yaml")
`

export const ROOT_HELP = `The Kubernetes package manager

Common actions for Helm:

- helm repo add:  add a chart repository
- helm install:   upload the chart to Kubernetes
- helm list:      list releases of charts

kubehop's helm knows the chart repositories of the texts it teaches (https://charts.apiseven.com: apisix) and
reaches no network: any other repository fails as an unreachable host does.

Usage:
  helm [command]

Available Commands:
  help        Help about any command
  install     install a chart
  list        list releases
  repo        add, list, remove, and update chart repositories
  status      display the status of the named release
  uninstall   uninstall a release
  version     print the client version information

Flags:
  -h, --help                        help for helm
${GLOBAL.replace('Global Flags:\n', '')}
Use "helm [command] --help" for more information about a command.
`

const sub = (text: string) => `${text}\n${GLOBAL}`

export const HELP: Record<string, string> = {
  install: sub(`This command installs a chart archive.

The install argument must be a chart reference (repo/chart) from a repository added with 'helm repo add'.
To override values in a chart, use the '--set' flag: values the chart does not use are ignored.

    $ helm install --set gateway.type=NodePort apisix apisix/apisix

Usage:
  helm install [NAME] [CHART] [flags]

Flags:
      --create-namespace     create the release namespace if not present
      --dry-run              simulate an install
  -h, --help                 help for install
      --set stringArray      set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)
      --version string       specify a version constraint for the chart version to use
`),
  list: sub(`This command lists all of the releases for a specified namespace (uses current namespace context if namespace not specified).

Usage:
  helm list [flags]

Aliases:
  list, ls

Flags:
  -A, --all-namespaces   list releases across all namespaces
  -h, --help             help for list
  -q, --short            output short (quiet) listing format
`),
  status: sub(`This command shows the status of a named release.

Usage:
  helm status RELEASE_NAME [flags]

Flags:
  -h, --help   help for status
`),
  uninstall: sub(`This command takes a release name and uninstalls the release.

It removes all of the resources associated with the last release of the chart
as well as the release history, freeing it up for future use.

Usage:
  helm uninstall RELEASE_NAME [...] [flags]

Aliases:
  uninstall, del, delete, un

Flags:
  -h, --help   help for uninstall
`),
  version: sub(`Show the version for Helm.

Usage:
  helm version [flags]

Flags:
  -h, --help    help for version
      --short   print the version number
`),
  repo: sub(`This command consists of multiple subcommands to interact with chart repositories.

Usage:
  helm repo [command]

Available Commands:
  add         add a chart repository
  list        list chart repositories
  remove      remove one or more chart repositories
  update      update information of available charts locally from chart repositories

Flags:
  -h, --help   help for repo
`),
  'repo add': sub(`add a chart repository

Usage:
  helm repo add [NAME] [URL] [flags]

Flags:
      --force-update   replace (overwrite) the repo if it already exists
  -h, --help           help for add
`),
  'repo list': sub(`list chart repositories

Usage:
  helm repo list [flags]

Aliases:
  list, ls

Flags:
  -h, --help   help for list
`),
  'repo update': sub(`Update gets the latest information about charts from the respective chart repositories.

Usage:
  helm repo update [REPO1 [REPO2 ...]] [flags]

Aliases:
  update, up

Flags:
  -h, --help   help for update
`),
  'repo remove': sub(`remove one or more chart repositories

Usage:
  helm repo remove [REPO1 [REPO2 ...]] [flags]

Aliases:
  remove, rm

Flags:
  -h, --help   help for remove
`),
}

/** `Use` lines for cobra's argument errors (`Usage:  helm repo add [NAME] [URL] [flags]`). */
export const USE: Record<string, string> = {
  'repo add': 'helm repo add [NAME] [URL] [flags]', 'repo list': 'helm repo list [flags]', list: 'helm list [flags]',
  status: 'helm status RELEASE_NAME [flags]', uninstall: 'helm uninstall RELEASE_NAME [...] [flags]', version: 'helm version [flags]',
  install: 'helm install [NAME] [CHART] [flags]', repo: 'helm repo [command]', 'repo remove': 'helm repo remove [REPO1 [REPO2 ...]] [flags]',
}
