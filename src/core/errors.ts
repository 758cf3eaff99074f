/** The one error type of Consentry. Its message reads `consentry: <json.path>: <what was expected>`. */
export class ConsentryError extends Error {
  /** `ConsentryError`, for logs and `error.name` checks. */
  override name = 'ConsentryError'
}
