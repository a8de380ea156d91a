/** The public needs: the search and a need's page. */
export const needs = {};
