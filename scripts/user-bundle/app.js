// What an npm user's app holds of Consentry: the instance with its default gates and UI, built
// by scripts/user-bundle.js as a Vite app is, for size-limit.
import { createConsentry } from '../../dist/npm/index.js'

createConsentry({ revision: 1, categories: { essential: { required: true }, analytics: {} } })
