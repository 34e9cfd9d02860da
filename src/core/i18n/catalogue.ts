// The shape a translation must have: every key of the English catalogue, each either a sentence or a
// function of the same parameters. A catalogue typed with it fails `npm run typecheck` when a key is
// missing or a parameter is misnamed, so no language can fall behind English unnoticed.

export type CatalogueOf<T> = {
  readonly [K in keyof T]: T[K] extends (params: infer P) => string ? (params: P) => string : string;
};

/** The catalogue languages. English is the fallback; Welsh (cy) serves NHS Wales. */
export type Language = 'en' | 'cy';
