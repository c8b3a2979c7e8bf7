// Allocator errors, with the texts of pkg/registry/core/service/{ipallocator,portallocator} (v1.32).

export type AllocationErrorReason = 'NotInRange' | 'Allocated' | 'Full'

/** Thrown by allocate(); `message` is the upstream err.Error() text the registry embeds in its messages. */
export class AllocationError extends Error {
  constructor(readonly reason: AllocationErrorReason, message: string) {
    super(message)
    this.name = 'AllocationError'
  }
}
