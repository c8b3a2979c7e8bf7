// Service IP and NodePort allocators (the API server's in-memory bitmaps).
export { ServiceIPAllocator, ipRangeOffset } from './service-ip-allocator.ts'
export { NodePortAllocator, portRangeOffset } from './node-port-allocator.ts'
export { AllocationError } from './errors.ts'
