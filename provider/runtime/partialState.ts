// A failure after part of the work reached the API. Pulumi's dynamic-provider host turns an error
// carrying `id` into ErrorResourceInitFailed, and the engine records `properties` as the resource's
// state, so the next `up` diffs against what really happened and finishes the job, and `destroy`
// knows there is something to clean up.
export class PartialStateError extends Error {
  constructor(message: string, readonly id: string, readonly properties: object, readonly reasons: string[]) {
    super(message);
    this.name = "PartialStateError";
  }
}
