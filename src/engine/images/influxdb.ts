// influxdb (docker-library/influxdb, 2.x): influxd on 8086; `GET /ping` answers 204 with its build headers.
import type { ImageFamily } from './types.ts'
import { DEBIAN_BASE } from './types.ts'

export const influxdb: ImageFamily = {
  repositories: ['docker.io/library/influxdb'],
  tags: (t) => /^(latest|alpine|[12](\.\d{1,2}){0,2}(-alpine)?)$/.test(t),
  app: 'influxdb',
  entrypoint: ['/entrypoint.sh'], cmd: ['influxd'], server: ['influxd', 'entrypoint.sh'],
  ports: [8086],
  binaries: [...DEBIAN_BASE, 'influxd', 'influx', 'curl', 'ps'],
  sizeBytes: 110_874_906, pullSeconds: 8,
  startLog: (c) => [`ts=${new Date(c.now * 1000).toISOString().replace(/\.\d+Z$/, '.000000Z')} lvl=info msg="Welcome to InfluxDB" log_id=0sim000000 version=v2.7.11 commit=fbf5d4ab5e build_date=2024-12-02T17:48:20Z log_level=info`,
    `ts=${new Date(c.now * 1000).toISOString().replace(/\.\d+Z$/, '.000000Z')} lvl=info msg=Listening log_id=0sim000000 service=tcp-listener transport=http addr=:8086 port=8086`],
  exitsOnSigterm: true,
}
