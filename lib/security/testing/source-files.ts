// The app's own source files, as the security tests that read code (regexes, locks, numbers)
// scan them: TypeScript under a folder, without tests, declarations, generated code or helpers.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '..', '..', '..')

/** Every source file below `folder` (relative to the root), as absolute paths. */
export function* sourceFiles(folder: string): Generator<string> {
  yield* walk(join(ROOT, folder))
}

function* walk(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    if (/\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !/\.d\.ts$/.test(path)) yield path
    return
  }
  for (const name of readdirSync(path)) {
    if (name === 'generated' || name === 'node_modules' || name === 'testing') continue
    yield* walk(join(path, name))
  }
}
