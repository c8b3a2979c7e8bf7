// Service IP and NodePort allocators (the API server's in-memory bitmaps).
export { ServiceIPAllocator, ipRangeOffset } from './service-ip-allocator.ts'
export { NodePortAllocator, portRangeOffset, type PortRange } from './node-port-allocator.ts'
export { AllocationError, type AllocationErrorReason } from './errors.ts'
