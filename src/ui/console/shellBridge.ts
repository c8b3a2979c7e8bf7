// What the console needs from a shell: run one line, get its output and exit code.
export interface ShellResult { output: string; exitCode: number }

export interface ShellBridge {
  run(line: string): Promise<ShellResult>
}
