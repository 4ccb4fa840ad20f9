// Type helpers for each resource's shape.ts. TypeScript's declaration emit drops doc comments from
// inferred types (a zod schema's members among them), so the documented argument interface is
// written out once and proven identical to the schema's z.input; these mappings then carry its
// doc comments onto the resolved inputs and the state.

/** True only when A and B are the same type. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
/** Compiles only when given true: `type _ = Assert<Equal<Args, z.input<typeof schema>>>`. */
export type Assert<T extends true> = T;

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/**
 * The values of `Out` (the schema's z.output: defaults applied) under the names and doc comments of
 * `Args`: a key with a default becomes required, the others stay optional.
 */
export type WithDefaults<Args, Out> =
  & { [K in keyof Args as K extends RequiredKeys<Out> ? K : never]-?: Out[K & keyof Out] }
  & { [K in keyof Args as K extends RequiredKeys<Out> ? never : K]+?: Out[K & keyof Out] };
