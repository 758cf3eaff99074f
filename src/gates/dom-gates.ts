import { scripts } from './scripts'
import { sources } from './sources'
import { templates } from './templates'
import type { ScriptGateOptions } from './trust'

/** The gates {@link createConsentry} starts: scripts, templates and `data-src` elements. */
export const domGates = (options: ScriptGateOptions = {}) => [scripts(options), templates(options), sources()]
