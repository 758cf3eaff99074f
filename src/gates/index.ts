import { scripts } from './scripts'
import { sources } from './sources'
import { templates } from './templates'

/** The gates {@link createConsentry} starts: scripts, templates and `data-src` elements. */
export const domGates = () => [scripts(), templates(), sources()]
