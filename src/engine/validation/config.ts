// ConfigMap, Secret and Namespace validation.
// Upstream: pkg/apis/core/validation/validation.go ValidateConfigMap / ValidateSecret /
// ValidateNamespace and their *Update counterparts (v1.32). core.MaxSecretSize is 1 MiB.
import type { KubeObject } from '../api/types.ts'
import { forbidden, invalid, path, required, tooLong, type ErrorList } from './field-errors.ts'
import { isConfigMapKey, nameIsDNSLabel, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta } from './object-meta.ts'
import { base64DecodedLength } from '../util/base64.ts'

const maxSize = 1024 * 1024

function keys(map: unknown): string[] {
  return map && typeof map === 'object' ? Object.keys(map) : []
}

/** ValidateConfigMap: keys are config keys, a key may not be in both data and binaryData, total ≤ 1 MiB. */
export function validateConfigMap(cm: KubeObject): ErrorList {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain, path('metadata'))
  const data = (cm.data ?? {}) as Record<string, string>
  const binary = (cm.binaryData ?? {}) as Record<string, string>
  let size = 0
  for (const k of keys(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(path('data').key(k), k, m)))
    if (Object.prototype.hasOwnProperty.call(binary, k)) errs.push(invalid(path('data').key(k), k, 'duplicate of key present in binaryData'))
    size += String(data[k] ?? '').length
  }
  for (const k of keys(binary)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(path('binaryData').key(k), k, m)))
    size += base64DecodedLength(String(binary[k] ?? ''))
  }
  if (size > maxSize) errs.push(tooLong(path(''), maxSize))
  return errs
}

/** ValidateSecret: keys, total size, and the keys required by typed secrets (kubernetes.io/tls, basic-auth). */
export function validateSecret(secret: KubeObject): ErrorList {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain, path('metadata'))
  const data = (secret.data ?? {}) as Record<string, string>
  const dp = path('data')
  let size = 0
  for (const k of keys(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(dp.key(k), k, m)))
    size += base64DecodedLength(String(data[k] ?? ''))
  }
  if (size > maxSize) errs.push(tooLong(dp, maxSize))
  switch (secret.type) {
    case 'kubernetes.io/tls':
      if (!('tls.crt' in data)) errs.push(required(dp.key('tls.crt')))
      if (!('tls.key' in data)) errs.push(required(dp.key('tls.key')))
      break
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) {
        errs.push(required(dp.key('username')))
        errs.push(required(dp.key('password')))
      }
      break
    case 'kubernetes.io/ssh-auth':
      if (!('ssh-privatekey' in data)) errs.push(required(dp.key('ssh-privatekey')))
      break
  }
  return errs
}

/** ValidateConfigMapUpdate / ValidateSecretUpdate: `immutable: true` freezes data (and itself). */
export function validateImmutableDataUpdate(obj: KubeObject, old: KubeObject): ErrorList {
  const errs: ErrorList = []
  if (old.immutable === true) {
    if (obj.immutable !== true) errs.push(forbidden(path('immutable'), 'field is immutable when `immutable` is set'))
    if (JSON.stringify(obj.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbidden(path('data'), 'field is immutable when `immutable` is set'))
    if (JSON.stringify(obj.binaryData ?? {}) !== JSON.stringify(old.binaryData ?? {})) errs.push(forbidden(path('binaryData'), 'field is immutable when `immutable` is set'))
  }
  if (obj.kind === 'Secret' && (old.type ?? 'Opaque') !== (obj.type ?? 'Opaque')) errs.push(invalid(path('type'), obj.type as string, 'field is immutable'))
  return errs
}

/** ValidateNamespace: the name is a DNS-1123 label. */
export function validateNamespace(ns: KubeObject): ErrorList {
  return validateObjectMeta(ns.metadata, false, nameIsDNSLabel, path('metadata'))
}
