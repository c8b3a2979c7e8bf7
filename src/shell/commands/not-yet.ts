// Network tools arrive with the data plane; until then they say so instead of pretending.
import type { Command } from '../command.ts'

export const notAvailableYet: Command = (io) => {
  io.err(`kubehop: ${io.argv[0]}: not available yet in this version of the simulator\n`)
  return 127
}
