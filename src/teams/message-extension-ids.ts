// The ids that tie the Teams manifest's search message extension (composeExtensions) to the code that
// answers it: Teams sends the command id and the parameter name back in every query. The packager
// checks manifests/teams/manifest.json against these, so a rename in one place cannot silently break search.

/** The composeExtensions command that searches the case-study library. */
export const CASE_SEARCH_COMMAND_ID = 'searchCases';
/** The name of that command's one parameter: the words typed in the search box. */
export const CASE_SEARCH_PARAMETER = 'query';
