/** Image suggestions for the run form: names found in a registry or through the engine's Docker Hub search. */
export interface ImageSearchHit {
  /** A reference the form can use as is (registry host included for a private registry). */
  reference: string
  description: string
  /** Where it was found: "Docker Hub" or a registry host. */
  source: string
}

export interface ImageSearchResult {
  hits: ImageSearchHit[]
  /** Places that could not be searched, with their own words (Docker Hub offline, a registry asking for a login). */
  unreachable: Array<{ source: string; message: string }>
}
