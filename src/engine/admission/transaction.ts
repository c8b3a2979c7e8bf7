// The all-or-nothing bookkeeping the Service registry does by hand around allocations.
// Upstream: pkg/registry/core/service/storage/transaction.go (metaTransaction, callbackTransaction).

export class Transaction {
  private reverts: Array<() => void> = []
  private commits: Array<() => void> = []

  /** Undo this step if the request fails later (e.g. release a freshly allocated port). */
  onRevert(fn: () => void): void {
    this.reverts.push(fn)
  }

  /** Do this only once the request succeeds (e.g. release the ports a type change freed). */
  onCommit(fn: () => void): void {
    this.commits.push(fn)
  }

  commit(): void {
    for (const fn of this.commits) fn()
    this.commits = []
    this.reverts = []
  }

  revert(): void {
    for (const fn of [...this.reverts].reverse()) fn()
    this.reverts = []
    this.commits = []
  }
}
